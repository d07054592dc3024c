package io.hivemind.replay.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.replay.log.InputDigest;
import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.SettingsValidator;
import io.hivemind.replay.walk.TestLog;
import io.hivemind.replay.walk.Walk;
import io.hivemind.testkit.HeadlessChromium;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html in a real headless Chromium, offline: its charts are drawn, not just written. */
class ReportHtmlBrowserTest {

  @BeforeAll
  static void browser() {
    HeadlessChromium.ensureInstalled();
  }

  private static Path page(Path dir, boolean withTrades) throws Exception {
    TestLog log = new TestLog();
    Random random = new Random(7);
    int trades = withTrades ? 60 : 0;
    for (int i = 0; i < trades; i++) {
      log.trade("u" + (i % 4), "s" + i, random.nextDouble() < 0.55 ? 40 : -30);
    }
    log.signal("u0", "untraded");
    ReplaySettings settings =
        SettingsValidator.validate(
            new ReplayRequest(
                "2026-11-01", "2026-12-01", null, null, List.of(0.3, 0.5), null, null, null));
    Walk walk = log.walk(settings);
    ReplayReport report =
        ReportBuilder.report(
            settings,
            "test",
            List.of(),
            new InputCard(log.events.size(), new InputDigest().sha256()),
            walk.counts(),
            walk.decisions(),
            walk.challengerVersions());
    Path html = dir.resolve("report.html");
    Files.writeString(
        html, ReportHtml.render(report, ReportBuilder.curves(settings, walk.decisions())));
    return html;
  }

  @Test
  void equityCurvesAndReliabilityDiagramAreDrawn(@TempDir Path dir) throws Exception {
    Path html = page(dir, true);

    String dom = HeadlessChromium.dumpDom(html);
    assertThat(dom)
        .contains(
            "<svg class=\"equity\"",
            "<svg class=\"reliability\"",
            "<table class=\"models\"",
            "pattern (decides)",
            "challenger-lr/f1/");
    assertThat(dom.split("<polyline class=\"curve\"", -1)).hasSize(1 + 3); // live + 2 thresholds
    assertThat(dom).contains("<circle class=\"bin\"");

    BufferedImage shot = HeadlessChromium.screenshot(html, 1200, 1400);
    // the charts sit under the results table; find them by their ink, not by pixel positions
    long ink = HeadlessChromium.nonWhitePixels(shot, new Rectangle(0, 0, 1200, 1400));
    long blankPage =
        HeadlessChromium.nonWhitePixels(
            HeadlessChromium.screenshot(
                page(Files.createDirectories(dir.resolve("empty")), false), 1200, 1400),
            new Rectangle(0, 0, 1200, 1400));
    assertThat(ink).isGreaterThan(blankPage + 2_000);
  }

  @Test
  void aRunWithoutTradesSaysSoInsteadOfDrawingNothing(@TempDir Path dir) throws Exception {
    String dom = HeadlessChromium.dumpDom(page(dir, false));
    assertThat(dom).contains("no traded outcomes").doesNotContain("<polyline");
  }
}
