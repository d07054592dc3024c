package io.hivemind.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real headless Chromium (installed on first use) renders a small inline-SVG page: the DOM it
 * dumps has the shapes and what the page's script added after a timer, and the screenshot has ink
 * where the shapes are drawn and none in an empty corner.
 */
class HeadlessChromiumTest {

  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html>
      <head><meta charset="utf-8"><title>svg</title>
      <style>html, body { margin: 0; background: #fff; }</style></head>
      <body>
      <svg id="chart" xmlns="http://www.w3.org/2000/svg" width="200" height="200">
        <polyline points="10,190 60,120 110,150 190,10" fill="none" stroke="#000" stroke-width="4"/>
        <circle cx="100" cy="100" r="40" fill="#1f77b4"/>
      </svg>
      <script>
        // proves scripts and timers ran before the DOM was dumped
        setTimeout(function () {
          document.getElementById('chart').setAttribute('data-rendered', 'yes');
        }, 100);
      </script>
      </body>
      </html>
      """;

  @TempDir static Path dir;
  private static Path page;

  @BeforeAll
  static void writePageAndInstall() throws Exception {
    page = dir.resolve("chart.html");
    Files.writeString(page, PAGE);
    long start = System.nanoTime();
    Path binary = HeadlessChromium.ensureInstalled();
    System.out.printf(
        "ensureInstalled() -> %s in %d ms%n", binary, (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void dumpDomHasTheSvgElementsAndTheScriptsWork() {
    long start = System.nanoTime();
    String dom = HeadlessChromium.dumpDom(page);
    System.out.printf("dumpDom in %d ms%n", (System.nanoTime() - start) / 1_000_000);

    assertThat(dom).contains("<svg", "<polyline", "<circle", "data-rendered=\"yes\"");
  }

  @Test
  void screenshotHasInkWhereTheShapesAreAndNoneInAnEmptyCorner() {
    long start = System.nanoTime();
    BufferedImage image = HeadlessChromium.screenshot(page, 400, 300);
    System.out.printf("screenshot in %d ms%n", (System.nanoTime() - start) / 1_000_000);

    assertThat(image.getWidth()).isEqualTo(400);
    assertThat(image.getHeight()).isEqualTo(300);
    // the circle's middle, all fill
    assertThat(HeadlessChromium.nonWhitePixels(image, new Rectangle(90, 90, 20, 20)))
        .isEqualTo(400);
    // the polyline's last leg, outside the circle
    assertThat(HeadlessChromium.nonWhitePixels(image, new Rectangle(160, 20, 30, 40))).isPositive();
    // nothing is drawn right of or below the 200 x 200 svg
    assertThat(HeadlessChromium.nonWhitePixels(image, new Rectangle(250, 200, 150, 100))).isZero();
  }
}
