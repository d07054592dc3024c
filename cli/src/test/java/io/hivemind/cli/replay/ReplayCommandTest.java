package io.hivemind.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.cli.CommandLines;
import io.hivemind.cli.CommandLines.Run;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.WalkForwardRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./hivemind replay} and {@code replay walk-forward}: options read into the HTTP API's
 * requests; bad arguments refused before any connection is made, exit 2, the option named.
 */
class ReplayCommandTest {

  // ports nothing listens on: these runs must fail before they would connect
  private static final Map<String, String> NOWHERE =
      Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "REGISTRY_PORT", "1");

  private static Run run(String... args) {
    return CommandLines.run(NOWHERE, args);
  }

  @Test
  void shouldReadTheOptionsIntoTheApisRequest() {
    ReplayRequest request =
        CommandLines.parse(
                ReplayCommand.class,
                NOWHERE,
                "replay",
                "--from=2026-11-01",
                "--to",
                "2026-11-02",
                "--out",
                "x",
                "--users",
                "alice,bob",
                "--threshold",
                "0.6,0.7",
                "--half-lives",
                "30d,60d",
                "--model",
                "challenger")
            .request();

    assertThat(request)
        .isEqualTo(
            new ReplayRequest(
                "2026-11-01",
                "2026-11-02",
                List.of("alice", "bob"),
                List.of(),
                List.of(0.6, 0.7),
                List.of("30d", "60d"),
                List.of(),
                null,
                "challenger"));
  }

  @Test
  void shouldNameTheOptionTheValidatorRefuses() {
    Run run = run("replay", "--from", "2026-11-02", "--to", "2026-11-01", "--out", "x");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--to: must be after from").contains("Usage: hivemind replay");
  }

  @Test
  void shouldRefuseThresholdsThatAreNotProbabilities() {
    Run word =
        run(
            "replay",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02",
            "--out",
            "x",
            "--threshold",
            "0.6,high");
    Run tooHigh =
        run(
            "replay",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02",
            "--out",
            "x",
            "--thresholds",
            "0.6,1.2");

    assertThat(word.exit()).isEqualTo(2);
    assertThat(word.err()).contains("'--thresholds'").contains("'high'");
    assertThat(tooHigh.exit()).isEqualTo(2);
    assertThat(tooHigh.err()).contains("--thresholds: 1.2 is not between 0 and 1");
  }

  @Test
  void shouldRefuseUnknownOptionsAndAMissingOutDirectory() {
    Run unknown = run("replay", "--from", "2026-11-01", "--bogus", "1");
    Run noOut = run("replay", "--from", "2026-11-01", "--to", "2026-11-02");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--bogus");
    assertThat(noOut.exit()).isEqualTo(2);
    assertThat(noOut.err()).contains("--out: is required");
  }

  @Test
  void shouldRefuseAnUnknownScheme() {
    Run run =
        run("replay", "--from", "2026-11-01", "--to", "2026-11-02", "--out", "x", "--scheme", "v9");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--schemes: unknown scheme 'v9'");
  }

  @Test
  void shouldReadWalkForwardOptionsSingularFormsIncluded() {
    WalkForwardRequest request =
        CommandLines.parse(
                WalkForwardCommand.class,
                NOWHERE,
                "replay",
                "walk-forward",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-20",
                "--out",
                "x",
                "--in-sample",
                "7d",
                "--out-of-sample",
                "1d",
                "--half-life",
                "7d,30d",
                "--models",
                "pattern,challenger",
                "--min-trades",
                "10",
                "--json")
            .request();

    assertThat(request.inSample()).isEqualTo("7d");
    assertThat(request.halfLives()).containsExactly("7d", "30d");
    assertThat(request.models()).containsExactly("pattern", "challenger");
    assertThat(request.minTrades()).isEqualTo(10);
    assertThat(request.thresholds()).isEmpty();
  }

  @Test
  void shouldNameEveryWalkForwardOptionTheValidatorRefuses() {
    Run run =
        run(
            "replay",
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

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("--in-sample: '7 days' is not a duration like 7d")
        .contains("--half-lives: 'soon' is not a duration like 30d")
        .contains("--objective: unknown objective 'profit'")
        .contains("Usage: hivemind replay walk-forward");
  }

  @Test
  void shouldRefuseAMinTradesThatIsNotAWholeNumber() {
    Run run = run("replay", "walk-forward", "--min-trades", "ten");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("'--min-trades'").contains("'ten'");
  }

  @Test
  void shouldPrintHelpAndExitZero() {
    Run replay = run("replay", "--help");
    Run walkForward = run("replay", "walk-forward", "--help");

    assertThat(replay.exit()).isZero();
    assertThat(replay.out()).contains("--thresholds").contains("walk-forward");
    assertThat(walkForward.exit()).isZero();
    assertThat(walkForward.out()).contains("--in-sample").contains("--json");
  }
}
