package io.hivemind.replay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walk.TestLog;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad walk-forward arguments are refused before any connection: exit 2, the option named. */
class WalkForwardMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    // a port nothing listens on: these runs must fail before they would connect
    return ReplayMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("KAFKA_PORT", "1", "REGISTRY_PORT", "1"));
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldNameTheOptionOfEveryBadValue() {
    int status =
        run(
            "walk-forward",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-20",
            "--out",
            "x",
            "--in-sample",
            "7 days",
            "--out-of-sample",
            "1d",
            "--half-life",
            "30d,soon",
            "--thresholds",
            "0.5,high",
            "--min-trades",
            "ten");

    assertThat(status).isEqualTo(2);
    assertThat(errors())
        .contains("replay walk-forward: --thresholds: 'high' is not a number")
        .contains("replay walk-forward: --min-trades: 'ten' is not a whole number")
        .contains("Usage: ./hivemind replay walk-forward");
  }

  @Test
  void shouldNameTheOptionsTheValidatorRefuses() {
    int status =
        run(
            "walk-forward",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-20",
            "--out",
            "x",
            "--in-sample",
            "7 days",
            "--out-of-sample",
            "1d",
            "--half-lives",
            "30d,soon",
            "--objective",
            "profit");

    assertThat(status).isEqualTo(2);
    assertThat(errors())
        .contains("replay walk-forward: --in-sample: '7 days' is not a duration like 7d")
        .contains("replay walk-forward: --half-lives: 'soon' is not a duration like 30d")
        .contains("replay walk-forward: --objective: unknown objective 'profit'");
  }

  @Test
  void shouldPrintItsUsageOnHelp() {
    assertThat(run("walk-forward", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--in-sample 7d --out-of-sample 1d");
  }

  @Test
  void shouldPrintEveryWindowAndBothSums() {
    TestLog log = new TestLog();
    for (int i = 0; i < 8; i++) {
      log.trade("u" + i % 3, "s" + i, i % 3 == 0 ? -40 : 60);
    }
    WalkForwardSettings settings =
        WalkForwardValidator.validate(
            new WalkForwardRequest(
                "2026-11-20T16:32:00Z",
                "2026-11-20T16:33:00Z",
                null,
                null,
                "5s",
                "5s",
                null,
                null,
                List.of(0.4, 0.5),
                null,
                null,
                null,
                null,
                0,
                null));
    var report =
        WalkForwardReplay.result(
                settings,
                "test",
                List.of(),
                new InputCard(log.events.size(), "-"),
                log.walk(settings.replaySettings()))
            .report();

    WalkForwardMain.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines().filter(line -> line.matches("^\\d+ +2026-11-20T.*")))
        .hasSize(settings.windows().size());
    assertThat(printed).contains("walk-forward ").contains("baseline (30d v1 pattern @ 0.5)");
  }

  @Test
  void shouldStateTheMemoryBoundWhenARunWouldExceedIt() {
    try {
      WalkForwardReplay.checkBound(600_000, 8);
      throw new AssertionError("expected a refusal");
    } catch (io.hivemind.replay.settings.InvalidSettingsException e) {
      assertThat(e.getMessage())
          .contains("600,000 records")
          .contains("at most 4,000,000 records × ways of learning");
    }
    WalkForwardReplay.checkBound(500_000, 8);
  }
}
