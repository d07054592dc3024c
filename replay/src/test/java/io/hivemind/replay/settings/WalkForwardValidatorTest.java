package io.hivemind.replay.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.replay.settings.WalkForwardSettings.Objective;
import io.hivemind.replay.settings.WalkForwardSettings.Window;
import io.hivemind.replay.settings.WalkForwardSettings.WindowMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardValidatorTest {

  private static WalkForwardRequest request(
      String to, String inSample, String outOfSample, String step, String windows) {
    return new WalkForwardRequest(
        "2026-11-01",
        to,
        null,
        null,
        inSample,
        outOfSample,
        step,
        windows,
        List.of(0.6, 0.5, 0.6),
        List.of("30d", "7d"),
        null,
        null,
        null,
        null,
        null);
  }

  private static List<Violation> violations(WalkForwardRequest request) {
    try {
      WalkForwardValidator.validate(request);
    } catch (InvalidSettingsException e) {
      return e.violations();
    }
    throw new AssertionError("expected the request to be refused");
  }

  @Test
  void shouldRollWindowsOfTheSameLengthAndFillInTheDefaults() {
    WalkForwardSettings settings =
        WalkForwardValidator.validate(request("2026-11-11", "7d", "1d", null, null));

    assertThat(settings.mode()).isEqualTo(WindowMode.ROLLING);
    assertThat(settings.step()).isEqualTo(Duration.ofDays(1));
    assertThat(settings.objective()).isEqualTo(Objective.PNL);
    assertThat(settings.models()).containsExactly("pattern");
    assertThat(settings.thresholds()).containsExactly(0.5, 0.6);
    assertThat(settings.candidates()).hasSize(4);
    List<Window> windows = settings.windows();
    assertThat(windows).hasSize(3);
    assertThat(settings.windowCount()).isEqualTo(3);
    assertThat(windows.get(2))
        .isEqualTo(
            new Window(
                3,
                Instant.parse("2026-11-03T00:00:00Z"),
                Instant.parse("2026-11-10T00:00:00Z"),
                Instant.parse("2026-11-10T00:00:00Z"),
                Instant.parse("2026-11-11T00:00:00Z")));
  }

  @Test
  void shouldAnchorEveryInSampleRangeAtFrom() {
    WalkForwardSettings settings =
        WalkForwardValidator.validate(request("2026-11-12", "7d", "1d", "2d", "anchored"));

    assertThat(settings.windows())
        .extracting(Window::inSampleFrom)
        .containsOnly(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(settings.windows())
        .extracting(Window::outOfSampleFrom)
        .containsExactly(
            Instant.parse("2026-11-08T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z"));
  }

  @Test
  void shouldWalkTheBaselineBesideTheGrid() {
    WalkForwardSettings settings =
        WalkForwardValidator.validate(
            new WalkForwardRequest(
                "2026-11-01",
                "2026-11-11",
                null,
                null,
                "7d",
                "1d",
                null,
                null,
                List.of(0.6),
                List.of("7d"),
                null,
                null,
                null,
                null,
                null));

    assertThat(settings.replaySettings().halfLives())
        .containsExactly(Duration.ofDays(7), Duration.ofDays(30));
    assertThat(settings.replaySettings().thresholds()).containsExactly(0.5, 0.6);
    assertThat(settings.candidates()).hasSize(1);
  }

  @Test
  void shouldNameEveryBadFieldAtOnce() {
    List<Violation> violations =
        violations(
            new WalkForwardRequest(
                "2026-11-01",
                "2026-10-01",
                null,
                null,
                "a week",
                null,
                "0d",
                "sliding",
                List.of(1.5),
                List.of("30d"),
                List.of("v9"),
                List.of("oracle"),
                "profit",
                -1,
                null));

    assertThat(violations)
        .extracting(Violation::field)
        .contains(
            "to",
            "thresholds",
            "schemes",
            "in_sample",
            "out_of_sample",
            "step",
            "windows",
            "objective",
            "models",
            "min_trades");
    assertThat(violations.toString())
        .contains("unknown model 'oracle'")
        .contains("from 0 to")
        .contains("known: [rolling, anchored]")
        .contains("known: [pnl, sharpe, brier]");
  }

  @Test
  void shouldRefuseOverlappingOutOfSampleWindows() {
    assertThat(violations(request("2026-11-11", "7d", "2d", "1d", null)))
        .containsExactly(
            new Violation(
                "step",
                "must be at least out_of_sample (2d): out-of-sample windows must not overlap, each"
                    + " trade is judged once"));
  }

  @Test
  void shouldRefuseARangeWithoutAWholeWindow() {
    assertThatThrownBy(
            () -> WalkForwardValidator.validate(request("2026-11-05", "7d", "1d", null, null)))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("to: the range")
        .hasMessageContaining("must last at least in_sample + out_of_sample (8d)");
  }

  @Test
  void shouldRefuseMoreWindowsThanTheBound() {
    assertThatThrownBy(
            () -> WalkForwardValidator.validate(request("2027-11-01", "1d", "1h", null, null)))
        .hasMessageContaining("step: the range holds 8736 windows; at most 366");
  }
}
