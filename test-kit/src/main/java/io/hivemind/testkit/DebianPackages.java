package io.hivemind.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one installer of what a test needs from Debian (Chromium and its driver, docker-compose): a
 * command found on the machine is used as it is; a missing one is installed with apt first (needs
 * root, or password-less sudo), bounded by 10 minutes and logged to {@code
 * target/debian-packages/install.log} of the module whose tests run. So a fresh machine needs
 * nothing installed by hand.
 */
public final class DebianPackages {

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

  private DebianPackages() {}

  /**
   * The executable {@code command} ({@code usual}, or the first on {@code PATH}), after installing
   * {@code packageName} if neither exists.
   *
   * @throws IllegalStateException if it can't be installed, naming the log and its last lines
   */
  public static synchronized Path ensureCommand(Path usual, String command, String packageName) {
    Path found = find(usual, command);
    if (found == null) {
      install(packageName);
      found = find(usual, command);
      if (found == null) {
        Path log = logDir().resolve("install.log");
        throw new IllegalStateException(
            "apt installed "
                + packageName
                + " but no "
                + command
                + " is on PATH; see "
                + log
                + tail(log));
      }
    }
    return found;
  }

  private static void install(String packageName) {
    Path log = logDir().resolve("install.log");
    List<String> prefix = new ArrayList<>();
    if (!isRoot()) {
      if (onPath("sudo") == null) {
        throw new IllegalStateException(
            packageName
                + " is missing and installing it needs root, but this is not root and there is"
                + " no sudo");
      }
      prefix.add("sudo");
      prefix.add("-n"); // never wait for a password
    }
    // sudo may drop the environment: pass DEBIAN_FRONTEND through env(1)
    prefix.addAll(List.of("env", "DEBIAN_FRONTEND=noninteractive"));
    // wait for another apt (another module's tests, say) instead of failing on its lock
    List<String> apt = List.of("apt-get", "-o", "DPkg::Lock::Timeout=300");
    List<String> update = concat(prefix, apt, List.of("update"));
    List<String> installCmd =
        concat(prefix, apt, List.of("install", "-y", "--no-install-recommends", packageName));

    long deadline = System.nanoTime() + INSTALL_TIMEOUT.toNanos();
    try {
      boolean updated = false;
      // a machine that never ran `apt-get update` knows no such package
      if (runLogged(List.of("apt-cache", "show", packageName), log, deadline) != 0) {
        updated = runLogged(update, log, deadline) == 0;
      }
      int exit = runLogged(installCmd, log, deadline);
      if (exit != 0 && !updated) {
        // stale package lists name versions the mirror no longer has: refresh and retry once
        runLogged(update, log, deadline);
        exit = runLogged(installCmd, log, deadline);
      }
      if (exit != 0) {
        throw new IllegalStateException(
            "apt-get install " + packageName + " exited " + exit + "; see " + log + tail(log));
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not install " + packageName + "; see " + log + tail(log), e);
    }
  }

  private static int runLogged(List<String> command, Path log, long deadlineNanos)
      throws IOException {
    Files.writeString(
        log,
        "$ " + String.join(" ", command) + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    return run(pb, left, log, "apt");
  }

  /** Starts, waits at most {@code timeout}, and on timeout kills that process and its children. */
  static int run(ProcessBuilder pb, Duration timeout, Path log, String what) throws IOException {
    Process process = pb.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // only what we started: its own children, then the process itself
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(
            what + " did not finish within " + timeout + "; killed it. See " + log + tail(log));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }

  /** The log's last lines, to put in an exception message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
      return System.lineSeparator() + String.join(System.lineSeparator(), last);
    } catch (IOException e) {
      return " (log unreadable: " + e + ")";
    }
  }

  private static Path find(Path usual, String name) {
    if (usual != null && Files.isExecutable(usual)) {
      return usual;
    }
    return onPath(name);
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static boolean isRoot() {
    if ("root".equals(System.getProperty("user.name"))) {
      return true;
    }
    try {
      Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return id.waitFor(10, TimeUnit.SECONDS) && "0".equals(uid);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path logDir() {
    Path dir = Path.of(System.getProperty("user.dir"), "target", "debian-packages");
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }
}
