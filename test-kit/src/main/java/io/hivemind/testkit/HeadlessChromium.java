package io.hivemind.testkit;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
   * target/debian-packages/install.log}.
   *
   * @throws IllegalStateException if it can't be installed, naming the log and its last lines
   */
  public static synchronized Path ensureInstalled() {
    if (binary != null) {
      return binary;
    }
    binary = DebianPackages.ensureCommand(DEFAULT_BINARY, "chromium", "chromium");
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
    driver = DebianPackages.ensureCommand(DEFAULT_DRIVER, "chromedriver", "chromium-driver");
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
      int exit = DebianPackages.run(pb, RENDER_TIMEOUT, log, what);
      if (exit != 0) {
        throw new IllegalStateException(
            "chromium " + what + " exited " + exit + "; see " + log + DebianPackages.tail(log));
      }
    } finally {
      deleteRecursively(profile);
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
