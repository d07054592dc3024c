package io.hivemind.bench.backlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing what a benchmark left on disk. */
public final class BenchFiles {

  private BenchFiles() {}

  /** Deletes {@code dir} and everything under it; says so when it cannot. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.out.println("  could not delete " + dir + ": " + e.getMessage());
    }
  }
}
