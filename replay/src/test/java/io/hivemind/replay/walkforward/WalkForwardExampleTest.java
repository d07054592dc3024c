package io.hivemind.replay.walkforward;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.report.WalkForwardReport;
import io.hivemind.replay.report.WalkForwardReport.Results;
import io.hivemind.replay.report.WalkForwardReport.WindowResult;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walk.TestLog;
import io.hivemind.replay.walk.Walk;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A fleet whose skill flips halfway (docs/replay.md's measured example): 40 users trade for 30
 * days; for the first 15 days users 0–19 win 62 % of their trades and users 20–39 38 %, then the
 * other way round. A trade wins or loses 100. Walk-forward with a 7-day rolling in-sample range and
 * 1-day out-of-sample ranges searches thresholds and half-lives on one read of the log.
 */
class WalkForwardExampleTest {

  private static TestLog fleet() {
    Random random = new Random(7);
    TestLog log = new TestLog();
    int users = 40;
    int trades = 30 * 24 * 6; // one every 10 minutes for 30 days
    for (int i = 0; i < trades; i++) {
      int user = random.nextInt(users);
      boolean firstHalf = i < trades / 2;
      boolean skilled = (user < users / 2) == firstHalf;
      boolean win = random.nextDouble() < (skilled ? 0.62 : 0.38);
      log.trade("u" + user, "t" + i, win ? 100 : -100);
      log.later(Duration.ofMinutes(10).minusSeconds(2));
    }
    return log;
  }

  private static WalkForwardSettings settings() {
    return WalkForwardValidator.validate(
        new WalkForwardRequest(
            "2026-11-20T00:00:00Z",
            "2026-12-21T00:00:00Z",
            null,
            null,
            "7d",
            "1d",
            null,
            "rolling",
            List.of(0.45, 0.5, 0.55, 0.6),
            List.of("2d", "7d", "30d"),
            null,
            null,
            "pnl",
            20,
            null));
  }

  @Test
  void shouldAdaptToTheFlipAndReportEveryWindowBesideTheBaseline() {
    TestLog log = fleet();
    WalkForwardSettings settings = settings();
    long started = System.nanoTime();
    Walk walk = log.walk(settings.replaySettings());
    long walked = System.nanoTime();
    WalkForwardReport report =
        WalkForwardReplay.result(
                settings, "test", List.of(), new InputCard(log.events.size(), "-"), walk)
            .report();
    long chosen = System.nanoTime();

    System.out.printf(
        "walk-forward example: %,d records, %d ways of learning walked in %d ms, %d windows × %d"
            + " candidates chosen in %d ms%n",
        log.events.size(),
        settings.replaySettings().variants().size(),
        (walked - started) / 1_000_000,
        report.windows().size(),
        report.candidates(),
        (chosen - walked) / 1_000_000);
    for (WindowResult window : report.windows()) {
      System.out.printf(
          "  %s  %-4s @ %.2f  in-sample %9.2f  out-of-sample %4d trades %9.2f  baseline %4d"
              + " trades %9.2f%n",
          window.outOfSample().from(),
          window.chosen().halfLife(),
          window.chosen().threshold(),
          window.inSampleScore(),
          window.outOfSampleResults().performance().trades(),
          window.outOfSampleResults().performance().pnl(),
          window.baselineOutOfSampleResults().performance().trades(),
          window.baselineOutOfSampleResults().performance().pnl());
    }
    Results walkForward = report.outOfSample().walkForward();
    Results baseline = report.outOfSample().baseline();
    System.out.printf(
        "  walk-forward: %d trades, win rate %.3f, P&L %.2f, Brier %.4f%n",
        walkForward.performance().trades(),
        walkForward.performance().winRate(),
        walkForward.performance().pnl(),
        walkForward.brierScore());
    System.out.printf(
        "  baseline:     %d trades, win rate %.3f, P&L %.2f, Brier %.4f%n",
        baseline.performance().trades(),
        baseline.performance().winRate(),
        baseline.performance().pnl(),
        baseline.brierScore());

    assertThat(report.windows()).hasSize(24);
    // a week after the flip, the in-sample ranges favour forgetting fast
    assertThat(report.windows().subList(14, 24))
        .allSatisfy(window -> assertThat(window.chosen().halfLife()).isEqualTo("2d"));
    assertThat(walkForward.performance().pnl()).isGreaterThan(baseline.performance().pnl());
    double windowsPnl =
        report.windows().stream()
            .mapToDouble(window -> window.outOfSampleResults().performance().pnl())
            .sum();
    assertThat(walkForward.performance().pnl()).isEqualTo(windowsPnl);
  }
}
