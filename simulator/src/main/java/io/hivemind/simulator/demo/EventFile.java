package io.hivemind.simulator.demo;

import io.hivemind.simulator.bot.EventLog;
import io.hivemind.simulator.bot.JsonLinesEventLog;
import java.io.IOException;
import java.nio.file.Path;

/** The events file when one was asked for, else a log that drops everything. */
record EventFile(EventLog log, JsonLinesEventLog file) implements AutoCloseable {

  static EventFile open(Path path) throws IOException {
    if (path == null) {
      return new EventFile(EventLog.NONE, null);
    }
    JsonLinesEventLog file = JsonLinesEventLog.toFile(path);
    return new EventFile(file, file);
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
