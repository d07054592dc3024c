package io.hivemind.simulator.bot;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Events as JSON lines, {@code {"type":"signal","body":{…}}}, the body being exactly the wire JSON.
 * Lines are whole even when many bots write at once.
 */
public final class JsonLinesEventLog implements EventLog, Closeable {

  private final Writer out;

  public JsonLinesEventLog(Writer out) {
    this.out = out;
  }

  public static JsonLinesEventLog toFile(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new JsonLinesEventLog(
        new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16));
  }

  @Override
  public void record(String type, Object body) {
    String line = "{\"type\":" + WireJson.write(type) + ",\"body\":" + WireJson.write(body) + "}\n";
    synchronized (this) {
      try {
        out.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the events file", e);
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
