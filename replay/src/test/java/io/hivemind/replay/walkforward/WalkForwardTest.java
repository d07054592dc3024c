package io.hivemind.replay.walkforward;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.report.ReportJson;
import io.hivemind.replay.report.WalkForwardHtml;
import io.hivemind.replay.report.WalkForwardReport;
import io.hivemind.replay.report.WalkForwardReport.WindowResult;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walk.TestLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Walk-forward over logs in memory. The log starts at 16:32:45 (TestLog); one window: in sample
 * [16:00, 17:00), out of sample [17:00, 18:00). Threshold 0.01 takes every signal, 0.99 none.
 */
class WalkForwardTest {

  private static final double TAKE_ALL = 0.01;
  private static final double TAKE_NONE = 0.99;

  private static WalkForwardSettings settings(String to, String step, String windows) {
    return WalkForwardValidator.validate(
        new WalkForwardRequest(
            "2026-11-20T16:00:00Z",
            to,
            null,
            null,
            "1h",
            "1h",
            step,
            windows,
            List.of(TAKE_ALL, TAKE_NONE),
            null,
            null,
            null,
            null,
            0,
            null));
  }

  private static WalkForwardSettings oneWindow() {
    return settings("2026-11-20T18:00:00Z", null, null);
  }

  private static WalkForwardReport run(WalkForwardSettings settings, TestLog log) {
    return WalkForwardReplay.result(
            settings,
            "test",
            List.of(),
            new InputCard(log.events.size(), "-"),
            log.walk(settings.replaySettings()))
        .report();
  }

  /** Trades of users u0..u3 that each lose (pnl < 0) or win, a second apart. */
  private static TestLog trades(TestLog log, String prefix, int count, double pnl) {
    for (int i = 0; i < count; i++) {
      log.trade("u" + i % 4, prefix + i, pnl);
    }
    return log;
  }

  private static TestLog losingInSampleWinningAfter() {
    TestLog log = trades(new TestLog(), "in", 12, -50);
    log.later(Duration.ofMinutes(30)); // past 17:00
    return trades(log, "out", 12, 80);
  }

  @Test
  void shouldNotChooseASettingThatIsOnlyGoodOutOfSample() {
    WalkForwardReport report = run(oneWindow(), losingInSampleWinningAfter());

    WindowResult window = report.windows().get(0);
    // taking everything loses in sample and would have won 12 × 80 after it: it must not be chosen
    assertThat(window.chosen().threshold()).isEqualTo(TAKE_NONE);
    assertThat(window.chosenBy()).isEqualTo("objective");
    assertThat(window.inSampleScore()).isZero();
    assertThat(window.outOfSampleResults().performance().trades()).isZero();
    assertThat(report.outOfSample().walkForward().performance().pnl()).isZero();
  }

  @Test
  void shouldChooseWhatWasGoodInSample() {
    TestLog log = trades(new TestLog(), "in", 12, 50);
    log.later(Duration.ofMinutes(30));
    trades(log, "out", 12, -80);

    WindowResult window = run(oneWindow(), log).windows().get(0);

    // the same out-of-sample trades as above, the other choice: the choice follows the in-sample
    assertThat(window.chosen().threshold()).isEqualTo(TAKE_ALL);
    assertThat(window.inSampleScore()).isEqualTo(12 * 50.0);
    assertThat(window.outOfSampleResults().performance().pnl()).isEqualTo(12 * -80.0);
    assertThat(window.outOfSampleResults().performance().trades()).isEqualTo(12);
  }

  @Test
  void shouldNotCountInSampleATradeWhoseOutcomeCameAfterTheInSampleRange() {
    TestLog log = trades(new TestLog(), "in", 6, 50);
    log.signal("u0", "open"); // signalled in sample, its big loss known only after 17:00
    log.later(Duration.ofMinutes(30)).outcome("u0", "open", -10_000);
    trades(log, "out", 6, 10);

    WindowResult window = run(oneWindow(), log).windows().get(0);

    assertThat(window.chosen().threshold()).isEqualTo(TAKE_ALL);
    assertThat(window.inSampleResults().performance().trades()).isEqualTo(6);
    assertThat(window.inSampleResults().takenWithoutOutcome()).isEqualTo(1);
    assertThat(window.inSampleScore()).isEqualTo(300.0);
  }

  @Test
  void shouldJudgeTheBaselineOnTheSameOutOfSampleWindows() {
    WalkForwardReport report = run(oneWindow(), losingInSampleWinningAfter());

    assertThat(report.baseline().threshold()).isEqualTo(0.5);
    assertThat(report.baseline().halfLife()).isEqualTo("30d");
    WindowResult window = report.windows().get(0);
    assertThat(report.outOfSample().baseline()).isEqualTo(window.baselineOutOfSampleResults());
    assertThat(window.baselineOutOfSampleResults().performance().trades())
        .isEqualTo(window.baselineOutOfSampleResults().taken());
    assertThat(window.baselineOutOfSampleResults().brierScore()).isPositive();
  }

  @Test
  void shouldKeepTheBaselineWhenNoCandidateHadEnoughTradesInSample() {
    WalkForwardSettings settings =
        WalkForwardValidator.validate(
            new WalkForwardRequest(
                "2026-11-20T16:00:00Z",
                "2026-11-20T18:00:00Z",
                null,
                null,
                "1h",
                "1h",
                null,
                null,
                List.of(TAKE_ALL),
                null,
                null,
                null,
                null,
                100,
                null));

    WindowResult window = run(settings, losingInSampleWinningAfter()).windows().get(0);

    assertThat(window.chosenBy()).isEqualTo("baseline");
    assertThat(window.eligibleCandidates()).isZero();
    assertThat(window.chosen()).isEqualTo(WalkForward.chosen(WalkForwardSettings.baseline()));
  }

  @Test
  void shouldNotCallAWindowWithoutAnyKnownOutcomePerfectByBrier() {
    TestLog log = new TestLog();
    log.signal("u0", "open"); // signalled in sample, its outcome known only after 17:00
    log.later(Duration.ofMinutes(30)).outcome("u0", "open", 40);
    trades(log, "out", 6, 10);
    WalkForwardSettings settings =
        WalkForwardValidator.validate(
            new WalkForwardRequest(
                "2026-11-20T16:00:00Z",
                "2026-11-20T18:00:00Z",
                null,
                null,
                "1h",
                "1h",
                null,
                null,
                List.of(TAKE_ALL, TAKE_NONE),
                null,
                null,
                List.of("pattern", "challenger"),
                "brier",
                0,
                null));

    WindowResult window = run(settings, log).windows().get(0);

    assertThat(window.chosenBy()).isEqualTo("baseline");
    assertThat(window.eligibleCandidates()).isZero();
  }

  @Test
  void shouldAddUpTheOutOfSampleWindowsOfARollingRun() {
    TestLog log = losingInSampleWinningAfter();
    log.later(Duration.ofHours(1)); // 18:30: the second window's out of sample
    trades(log, "late", 4, 20);
    WalkForwardSettings settings = settings("2026-11-20T19:00:00Z", "1h", "rolling");

    WalkForwardReport report = run(settings, log);

    assertThat(report.windows()).hasSize(2);
    WindowResult second = report.windows().get(1);
    assertThat(second.inSample().from()).isEqualTo("2026-11-20T17:00:00Z");
    // in sample the 12 winners: taking everything is chosen for 18:00-19:00
    assertThat(second.chosen().threshold()).isEqualTo(TAKE_ALL);
    assertThat(second.outOfSampleResults().performance().pnl()).isEqualTo(80.0);
    assertThat(report.outOfSample().walkForward().performance().trades()).isEqualTo(4);
    assertThat(report.outOfSample().walkForward().performance().pnl()).isEqualTo(80.0);
  }

  @Test
  void shouldWriteTheSameBytesTwiceAndAPageThatNamesEveryWindow() {
    TestLog log = losingInSampleWinningAfter();
    WalkForwardReplay.Result first =
        WalkForwardReplay.result(
            oneWindow(),
            "test",
            List.of(),
            new InputCard(log.events.size(), "-"),
            log.walk(oneWindow().replaySettings()));
    WalkForwardReport second = run(oneWindow(), log);

    String json = ReportJson.render(first.report());
    assertThat(json).isEqualTo(ReportJson.render(second));
    assertThat(ReportJson.parseWalkForward(json)).isEqualTo(first.report());
    assertThat(WalkForwardHtml.render(first.report(), first.curves()))
        .contains("walk-forward (chosen per window)")
        .contains("2026-11-20T17:00:00Z – 2026-11-20T18:00:00Z")
        .contains("threshold " + TAKE_NONE)
        .doesNotContain("<script");
  }
}
