package io.hivemind.confidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.control.domain.EffectiveState;
import io.hivemind.control.domain.LearningState;
import io.hivemind.control.domain.TradingState;
import io.hivemind.learning.confidence.Confidence;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.schema.Side;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WinProbabilityResponseTest {

  private static final WinProbabilityResponse.Model PATTERN_V1 =
      new WinProbabilityResponse.Model("pattern", "v1");

  private static final Instant AS_OF = Instant.parse("2026-11-20T14:32:45.200Z");
  private static final ConfidenceQuery QUERY =
      new ConfidenceQuery("a1b2c3d4e5f6", "ES", Side.LONG, Map.of(), AS_OF);

  @Test
  void shouldCarryTheEstimateAndItsEvidence() {
    WinProbabilityResponse response =
        WinProbabilityResponse.of(
            QUERY, answer(0.68), PATTERN_V1, 0.7, state(TradingState.ACTIVE), AS_OF);

    assertThat(response)
        .isEqualTo(
            new WinProbabilityResponse(
                "a1b2c3d4e5f6",
                "ES",
                "LONG",
                0.68,
                new WinProbabilityResponse.Interval(0.61, 0.74, 0.9),
                new WinProbabilityResponse.EvidenceCounts(
                    42,
                    2400,
                    2,
                    "v1/mid/rsi6/vz-5",
                    new WinProbabilityResponse.Prior(0.5, List.of(10.0))),
                0.7,
                false,
                TradingState.ACTIVE,
                LearningState.RUNNING,
                AS_OF,
                Freshness.FRESH,
                PATTERN_V1));
  }

  @Test
  void shouldTakeTheTradeAtTheThreshold() {
    assertThat(
            WinProbabilityResponse.of(
                    QUERY, answer(0.7), PATTERN_V1, 0.7, state(TradingState.ACTIVE), AS_OF)
                .takeTrade())
        .isTrue();
  }

  @Test
  void shouldDecideOnTheProbabilityAsShown() {
    WinProbabilityResponse response =
        WinProbabilityResponse.of(
            QUERY, answer(0.699996), PATTERN_V1, 0.7, state(TradingState.ACTIVE), AS_OF);

    assertThat(response.winProbability()).isEqualTo(0.7);
    assertThat(response.takeTrade()).isTrue();
  }

  @Test
  void shouldNotTakeATradeUnlessTradingIsActive() {
    assertThat(
            WinProbabilityResponse.of(
                    QUERY, answer(0.9), PATTERN_V1, 0.7, state(TradingState.HALTED), AS_OF)
                .takeTrade())
        .isFalse();
    assertThat(
            WinProbabilityResponse.of(
                    QUERY, answer(0.9), PATTERN_V1, 0.7, state(TradingState.REDUCING), AS_OF)
                .takeTrade())
        .isFalse();
  }

  @Test
  void shouldSayWhenLearningIsPaused() {
    EffectiveState paused =
        new EffectiveState(
            TradingState.ACTIVE, List.of(), Map.of(), LearningState.PAUSED, Optional.empty());

    WinProbabilityResponse response =
        WinProbabilityResponse.of(QUERY, answer(0.9), PATTERN_V1, 0.7, paused, AS_OF);

    assertThat(response.learning()).isEqualTo(LearningState.PAUSED);
    assertThat(response.takeTrade()).isTrue();
  }

  private static EffectiveState state(TradingState tradingState) {
    return new EffectiveState(
        tradingState, List.of(), Map.of(), LearningState.RUNNING, Optional.empty());
  }

  private static ConfidenceAnswer answer(double probability) {
    return new ConfidenceAnswer(
        new Confidence(probability, 0.61, 0.74, 0.9),
        42,
        2400,
        OptionalInt.of(2),
        "v1/mid/rsi6/vz-5");
  }
}
