package io.hivemind.replay.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsValidatorTest {

  private static ReplayRequest request(String from, String to) {
    return new ReplayRequest(from, to, null, null, null, null, null, null);
  }

  private static List<Violation> violations(ReplayRequest request) {
    try {
      SettingsValidator.validate(request);
    } catch (InvalidSettingsException e) {
      return e.violations();
    }
    throw new AssertionError("valid: " + request);
  }

  @Test
  void absentSettingsAreTheLiveOnes() {
    ReplaySettings settings = SettingsValidator.validate(request("2026-11-01", "2026-11-02"));

    assertThat(settings.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(settings.halfLives()).containsExactly(Duration.ofHours(720));
    assertThat(settings.schemes()).containsExactly("v1");
    assertThat(settings.joinHorizon()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.thresholds()).containsExactly(0.5);
    assertThat(settings.variants()).hasSize(1);
  }

  @Test
  void toMustBeAfterFrom() {
    assertThat(violations(request("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z")))
        .containsExactly(new Violation("to", "must be after from (2026-11-02T00:00:00Z)"));
    assertThat(violations(request("2026-11-01", "2026-11-01")))
        .extracting(Violation::field)
        .containsExactly("to");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    ReplayRequest request =
        new ReplayRequest(
            "yesterday",
            null,
            Arrays.asList("u1", " "),
            List.of("es!", "ES"),
            Arrays.asList(0.6, 1.5, null),
            List.of("30d", "forever"),
            List.of("v9"),
            "soon",
            "neural");

    assertThat(violations(request))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "from",
            "to",
            "users",
            "symbols",
            "thresholds",
            "thresholds",
            "half_lives",
            "schemes",
            "join_horizon",
            "model");
  }

  @Test
  void listsAreSortedAndDeduplicatedSoTheRunCardIsTheSame() {
    ReplaySettings settings =
        SettingsValidator.validate(
            new ReplayRequest(
                "2026-11-01",
                "2026-11-02",
                List.of("b", "a", "b"),
                List.of("NQ", "ES"),
                List.of(0.7, 0.6, 0.7),
                List.of("60d", "30d"),
                null,
                null));

    assertThat(settings.users()).containsExactly("a", "b");
    assertThat(settings.symbols()).containsExactly("ES", "NQ");
    assertThat(settings.thresholds()).containsExactly(0.6, 0.7);
    assertThat(settings.halfLives()).containsExactly(Duration.ofDays(30), Duration.ofDays(60));
    assertThat(settings.variants())
        .extracting(ReplaySettings.Variant::label)
        .containsExactly("half-life 30d, scheme v1", "half-life 60d, scheme v1");
    assertThat(settings.reports("a", "ES")).isTrue();
    assertThat(settings.reports("c", "ES")).isFalse();
    assertThat(settings.reports("a", "CL")).isFalse();
  }

  @Test
  void theModelIsThePatternModelUnlessTheChallengerIsPicked() {
    assertThat(SettingsValidator.validate(request("2026-11-01", "2026-11-02")).model())
        .isEqualTo("pattern");
    ReplaySettings challenger =
        SettingsValidator.validate(
            new ReplayRequest(
                "2026-11-01", "2026-11-02", null, null, null, null, null, null, "challenger"));
    assertThat(challenger.decidesOnChallenger()).isTrue();
    assertThat(challenger.asRequest().model()).isEqualTo("challenger");
    assertThat(
            violations(
                new ReplayRequest(
                    "2026-11-01", "2026-11-02", null, null, null, null, null, null, "gbm")))
        .containsExactly(
            new Violation("model", "unknown model 'gbm'; known: [pattern, challenger]"));
  }

  @Test
  void tooManyVariantsAreRefused() {
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    new ReplayRequest(
                        "2026-11-01",
                        "2026-11-02",
                        null,
                        null,
                        null,
                        List.of("1d", "2d", "3d", "4d", "5d", "6d", "7d", "8d", "9d"),
                        null,
                        null)))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("half_lives: at most 8");
  }

  @Test
  void durationsReadAndPrintTheShortForms() {
    assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(Durations.parse("720h")).isEqualTo(Duration.ofHours(720));
    assertThat(Durations.parse("90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.parse("PT1H")).isNull();
    assertThat(Durations.parse("1.5m")).isNull();
    assertThat(Durations.parse("90")).isNull();
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofHours(720))).isEqualTo("30d");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
  }
}
