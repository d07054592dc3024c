package io.hivemind.learning.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternSchemeTest {

  private final PatternScheme scheme = PatternScheme.v1();

  @Test
  void shouldBucketTheDesignExampleIntoThreeLevels() {
    // 12:32 in New York (EST, UTC-5) is the mid-day session.
    Instant time = Instant.parse("2026-11-20T17:32:45.123Z");

    assertThat(scheme.patterns(time, Map.of("rsi", 34.2, "vwap_z", -2.15)))
        .containsExactly("v1", "v1/mid", "v1/mid/rsi6/vz-5");
  }

  @Test
  void shouldStopAtL1WithoutBothFeatures() {
    Instant time = Instant.parse("2026-11-20T17:32:45Z");

    assertThat(scheme.patterns(time, Map.of())).containsExactly("v1", "v1/mid");
    assertThat(scheme.patterns(time, Map.of("rsi", 50.0))).hasSize(2);
    assertThat(scheme.patterns(time, Map.of("rsi", Double.NaN, "vwap_z", 1.0))).hasSize(2);
  }

  @Test
  void shouldNameEachPatternsParentFromThePatternsItIsBuiltOf() {
    Instant time = Instant.parse("2026-11-20T17:32:45Z");
    var patterns = scheme.patterns(time, Map.of("rsi", 34.2, "vwap_z", -2.15));

    assertThat(PatternScheme.parent(2, patterns.get(2))).isEqualTo(patterns.get(1));
    assertThat(PatternScheme.parent(1, patterns.get(1))).isEqualTo(patterns.get(0));
    assertThatThrownBy(() -> PatternScheme.parent(2, "v1/mid"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PatternScheme.parent(0, "v1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"0.0,0", "4.999,0", "5.0,1", "34.2,6", "99.99,19", "100.0,19", "-3.0,0", "250,19"})
  void shouldBucketRsiInFivePointStepsClampedToTheScale(double rsi, int bucket) {
    assertThat(PatternScheme.rsiBucket(rsi)).isEqualTo(bucket);
  }

  @ParameterizedTest
  @CsvSource({
    "0.0,0",
    "0.49,0",
    "0.5,1",
    "-0.01,-1",
    "-2.15,-5",
    "-4.0,-8",
    "-9.0,-8",
    "3.5,7",
    "12,7"
  })
  void shouldBucketVwapDistanceInHalfSigmaStepsClamped(double vwapZ, int bucket) {
    assertThat(PatternScheme.vwapZBucket(vwapZ)).isEqualTo(bucket);
  }

  @ParameterizedTest
  @CsvSource({
    "02:59:59,ASIA",
    "03:00,LONDON",
    "09:29:59,LONDON",
    "09:30,OPEN",
    "10:59:59,OPEN",
    "11:00,MID",
    "14:00,CLOSE",
    "15:59:59,CLOSE",
    "16:00,AFTER",
    "17:59:59,AFTER",
    "18:00,ASIA",
    "00:00,ASIA"
  })
  void shouldSplitTheExchangeDayIntoSessionsAtTheirEdges(String time, TradingSession session) {
    assertThat(TradingSession.at(LocalTime.parse(time))).isEqualTo(session);
  }

  @Test
  void shouldFollowDaylightSavingTimeOfTheExchange() {
    // 13:45 UTC is 09:45 in New York in summer (EDT) but 08:45 in winter (EST).
    assertThat(scheme.patterns(Instant.parse("2026-07-01T13:45:00Z"), Map.of()).get(1))
        .isEqualTo("v1/open");
    assertThat(scheme.patterns(Instant.parse("2026-12-01T13:45:00Z"), Map.of()).get(1))
        .isEqualTo("v1/london");
  }
}
