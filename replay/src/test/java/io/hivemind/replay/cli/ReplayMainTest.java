package io.hivemind.replay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad arguments are refused before any connection is made: exit status 2, the option named. */
class ReplayMainTest {

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
  void toBeforeFromExitsWithTwoAndSaysWhy() {
    assertThat(run("--from", "2026-11-02", "--to", "2026-11-01", "--out", "x")).isEqualTo(2);
    assertThat(errors()).contains("replay: to: must be after from").contains("Usage:");
  }

  @Test
  void unknownOptionsAndMissingValuesAreNamed() {
    assertThat(run("--from", "--to", "2026-11-01", "--bogus", "1")).isEqualTo(2);
    assertThat(errors())
        .contains("replay: --from: needs a value")
        .contains("replay: --bogus: unknown option")
        .contains("replay: --out: is required");
  }

  @Test
  void thresholdsMustBeNumbersBetweenZeroAndOne() {
    assertThat(
            run(
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-02",
                "--out",
                "x",
                "--threshold",
                "0.6,high"))
        .isEqualTo(2);
    assertThat(errors()).contains("'high' is not a number");
    err.reset();
    assertThat(
            run(
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-02",
                "--out",
                "x",
                "--threshold",
                "0.6,1.2"))
        .isEqualTo(2);
    assertThat(errors()).contains("thresholds: 1.2 is not between 0 and 1");
  }

  @Test
  void anUnknownSchemeIsRefused() {
    assertThat(run("--from", "2026-11-01", "--to", "2026-11-02", "--out", "x", "--scheme", "v9"))
        .isEqualTo(2);
    assertThat(errors()).contains("unknown scheme 'v9'");
  }

  @Test
  void helpPrintsUsage() {
    assertThat(run("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("./hivemind replay --from T1");
  }
}
