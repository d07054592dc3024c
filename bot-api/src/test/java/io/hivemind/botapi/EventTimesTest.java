package io.hivemind.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventTimesTest {

  /** What {@code Instant.parse} answers: the instant, or the exception's class and message. */
  private static Object jdk(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static Object ours(String text) {
    try {
      return EventTimes.parse(text);
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void readsWhatInstantParseReadsForRandomInstantsAtEveryPrecision() {
    SplittableRandom random = new SplittableRandom(20261120);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
      String text = instant.toString();
      assertThat(EventTimes.parse(text)).as(text).isEqualTo(instant);
      // every fraction length, including digits the JDK would not print
      String whole = text.substring(0, 19);
      String fraction = String.format("%09d", instant.getNano());
      for (int digits = 0; digits <= 9; digits++) {
        String variant = whole + (digits == 0 ? "" : "." + fraction.substring(0, digits)) + "Z";
        assertThat(ours(variant)).as(variant).isEqualTo(jdk(variant));
      }
    }
  }

  @Test
  void leavesEveryOtherShapeToInstantParseWithTheSameAnswerOrError() {
    List<String> inputs =
        List.of(
            "2026-11-20T14:32:45.123Z",
            "2024-02-29T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-04-31T12:00:00Z",
            "2026-13-01T12:00:00Z",
            "2026-00-01T12:00:00Z",
            "2026-11-00T12:00:00Z",
            "2026-11-20T24:00:00Z",
            "2026-11-20T23:59:60Z",
            "2026-11-20T23:60:00Z",
            "2026-11-20t14:32:45z",
            "2026-11-20T14:32:45.Z",
            "2026-11-20T14:32:45.1234567890Z",
            "2026-11-20T14:32:45+01:00",
            "2026-11-20T14:32:45.5-03:30",
            "2026-11-20T14:32Z",
            "2026-11-20 14:32:45Z",
            "+12026-11-20T14:32:45Z",
            "-0001-11-20T14:32:45Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2026-11-20T14:32:45.12a4Z",
            "2026-1a-20T14:32:45Z",
            "2026-11-20T14:32:45",
            "2026-11-20T14:32:45ZZ",
            "",
            " 2026-11-20T14:32:45Z",
            "yesterday");
    for (String input : inputs) {
      assertThat(ours(input)).as(input).isEqualTo(jdk(input));
    }
  }

  @Test
  void refusesAsInstantParseRefuses() {
    assertThatThrownBy(() -> EventTimes.parse("2026-02-30T00:00:00Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> EventTimes.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
