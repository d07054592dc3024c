package io.hivemind.testkit;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Renders a local HTML file in a real headless Chromium (Debian's {@code chromium} package), for
 * tests of the web pages we ship: the DOM after the page's scripts ran, or a screenshot of it.
 *
 * <p>Chromium is not on a fresh machine: {@link #ensureInstalled()} installs it with apt on first
 * use. Every render is one short-lived Chromium process with its own empty profile, a bounded run
 * time, and its stderr kept in {@code target/headless-chromium/} of the calling module.
 */
public final class HeadlessChromium {

  private static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
  private static final Path DEFAULT_DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Flags for every run. The machine's network is closed: without the background-networking,
   * component-update and sync switches Chromium keeps opening connections to Google's hosts that
   * are refused, and can stall before it renders.
   */
  private static final List<String> BASE_FLAGS =
      List.of(
          "--headless", // no display on test machines
          "--no-sandbox", // tests run as root, where Chromium's sandbox refuses to start
          "--disable-gpu", // no GPU; software rendering only
          "--disable-quic", // no UDP to the outside
          "--no-first-run", // no first-run dialogs or setup work in the fresh profile
          "--disable-background-networking", // no update/safe-browsing/metrics fetches
          "--disable-component-update", // no component downloads (they'd be refused)
          "--disable-sync", // no account sync traffic
          // shared memory in /tmp, not /dev/shm, which is tiny in containers; Debian's launcher
          // means to add this itself but its /dev/shm check breaks where findmnt prints two lines
          "--disable-dev-shm-usage",
          "--hide-scrollbars", // scrollbars would be ink in screenshots
          "--force-device-scale-factor=1", // one CSS pixel = one screenshot pixel
          // virtual time lets the page's scripts and timers run (up to 2 s of page time) before
          // the DOM is dumped or the screenshot taken; it also ends the run as soon as it's idle
          "--virtual-time-budget=2000");

  /** A pixel is "ink" if any of its channels is below this (anti-aliased edges count). */
  private static final int WHITE_THRESHOLD = 0xF0;

  private static final AtomicInteger RUNS = new AtomicInteger();
  private static Path binary;
  private static Path driver;

  private HeadlessChromium() {}

  /**
   * The Chromium binary, installed with apt first if it's missing (needs root, or password-less
   * sudo). Idempotent; the install is bounded by 10 minutes and logged to {@code
   * target/headless-chromium/install.log}.
   *
   * @throws IllegalStateException if it can't be installed, naming the log and its last lines
   */
  public static synchronized Path ensureInstalled() {
    if (binary != null) {
      return binary;
    }
    Path found = findBinary();
    if (found == null) {
      install("chromium");
      found = findBinary();
      if (found == null) {
        Path log = logDir().resolve("install.log");
        throw new IllegalStateException(
            "apt installed chromium but no chromium binary is on PATH; see " + log + tail(log));
      }
    }
    binary = found;
    return binary;
  }

  /**
   * Debian's {@code chromedriver} for the installed Chromium (package {@code chromium-driver}, the
   * same version), installed with apt first if it's missing, for tests that drive a page through
   * WebDriver. Their paths are given to Selenium, so Selenium Manager never looks for (or
   * downloads) a browser or a driver.
   *
   * @throws IllegalStateException if it can't be installed, naming the log and its last lines
   */
  public static synchronized Path ensureDriverInstalled() {
    ensureInstalled();
    if (driver != null) {
      return driver;
    }
    Path found = findExecutable(DEFAULT_DRIVER, "chromedriver");
    if (found == null) {
      install("chromium-driver");
      found = findExecutable(DEFAULT_DRIVER, "chromedriver");
      if (found == null) {
        Path log = logDir().resolve("install.log");
        throw new IllegalStateException(
            "apt installed chromium-driver but no chromedriver is on PATH; see " + log + tail(log));
      }
    }
    driver = found;
    return driver;
  }

  /**
   * The page's serialized DOM once it has loaded and its scripts have run ({@code --dump-dom}).
   *
   * @param htmlFile a local HTML file, loaded as a {@code file://} URL
   */
  public static String dumpDom(Path htmlFile) {
    Path out = null;
    try {
      out = Files.createTempFile("chromium-dom", ".html");
      render("dump-dom", out, "--dump-dom", htmlFile.toAbsolutePath().toUri().toString());
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(out);
    }
  }

  /**
   * A screenshot of the page in a {@code width} x {@code height} window, after it loaded and its
   * scripts ran.
   *
   * @param htmlFile a local HTML file, loaded as a {@code file://} URL
   */
  public static BufferedImage screenshot(Path htmlFile, int width, int height) {
    Path png = null;
    try {
      Path dir = Files.createTempDirectory("chromium-shot");
      png = dir.resolve("screenshot.png");
      render(
          "screenshot",
          null,
          "--screenshot=" + png,
          "--window-size=" + width + "," + height,
          htmlFile.toAbsolutePath().toUri().toString());
      if (!Files.isRegularFile(png)) {
        throw new IllegalStateException("chromium wrote no screenshot to " + png);
      }
      BufferedImage image = ImageIO.read(png.toFile());
      if (image == null) {
        throw new IllegalStateException("chromium's screenshot is not a readable PNG: " + png);
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (png != null) {
        deleteRecursively(png.getParent());
      }
    }
  }

  /**
   * How many pixels in {@code region} (clipped to the image) are not white or nearly white: a
   * measure of whether something was drawn there.
   */
  public static long nonWhitePixels(BufferedImage image, Rectangle region) {
    Rectangle r = region.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
    long ink = 0;
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x = r.x; x < r.x + r.width; x++) {
        int rgb = image.getRGB(x, y);
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        if (red < WHITE_THRESHOLD || green < WHITE_THRESHOLD || blue < WHITE_THRESHOLD) {
          ink++;
        }
      }
    }
    return ink;
  }

  /**
   * Runs one Chromium with a fresh profile; stdout to {@code stdout} (or the log), stderr logged.
   */
  private static void render(String what, Path stdout, String... args) throws IOException {
    Path chromium = ensureInstalled();
    Path log = logDir().resolve(what + "-" + RUNS.incrementAndGet() + ".log");
    // a new empty profile per run: no state, locks or first-run work shared between runs
    Path profile = Files.createTempDirectory("chromium-profile");
    try {
      List<String> command = new ArrayList<>();
      command.add(chromium.toString());
      command.addAll(BASE_FLAGS);
      command.add("--user-data-dir=" + profile);
      command.addAll(List.of(args));
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectError(log.toFile());
      if (stdout != null) {
        pb.redirectOutput(stdout.toFile());
      } else {
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
      }
      int exit = run(pb, RENDER_TIMEOUT, log, what);
      if (exit != 0) {
        throw new IllegalStateException(
            "chromium " + what + " exited " + exit + "; see " + log + tail(log));
      }
    } finally {
      deleteRecursively(profile);
    }
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
      Files.deleteIfExists(log);
      boolean updated = false;
      // a machine that never ran `apt-get update` knows no chromium package
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
    return run(pb, left, log, "chromium install");
  }

  /** Starts, waits at most {@code timeout}, and on timeout kills that process and its children. */
  private static int run(ProcessBuilder pb, Duration timeout, Path log, String what)
      throws IOException {
    Process process = pb.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // only what we started: Chromium's own renderer/zygote children, then the process itself
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

  private static Path findBinary() {
    return findExecutable(DEFAULT_BINARY, "chromium");
  }

  private static Path findExecutable(Path usual, String name) {
    if (Files.isExecutable(usual)) {
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

  /** {@code target/headless-chromium} of the module whose tests are running. */
  private static Path logDir() {
    Path dir = Path.of(System.getProperty("user.dir"), "target", "headless-chromium");
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log's last lines, to put in an exception message. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
      return System.lineSeparator() + String.join(System.lineSeparator(), last);
    } catch (IOException e) {
      return " (log unreadable: " + e + ")";
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

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(HeadlessChromium::deleteQuietly);
    } catch (IOException | UncheckedIOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
