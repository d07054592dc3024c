package io.hivemind.confidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hivemind.control.domain.EffectiveState;
import io.hivemind.control.domain.LearningState;
import io.hivemind.control.domain.TradingState;
import io.hivemind.learning.confidence.Confidence;
import io.hivemind.learning.stats.PnlEstimate;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.answer.TradeSimulation;
import io.hivemind.schema.Side;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SimulateTradeResponseTest {

  private static final WinProbabilityResponse.Model PATTERN_V1 =
      new WinProbabilityResponse.Model("pattern", "v1");

  private static final Instant AS_OF = Instant.parse("2026-11-20T14:32:45.200Z");
  private static final ConfidenceQuery QUERY =
      new ConfidenceQuery("a1b2c3d4e5f6", "ES", Side.LONG, Map.of(), AS_OF);
  private static final ConfidenceAnswer ANSWER =
      new ConfidenceAnswer(
          new Confidence(0.68, 0.61, 0.74, 0.9), 42, 2400, OptionalInt.of(2), "v1/mid/rsi6/vz-5");
  private static final EffectiveState ACTIVE =
      new EffectiveState(
          TradingState.ACTIVE, List.of(), Map.of(), LearningState.RUNNING, Optional.empty());
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  @Test
  void shouldCarryTheWholeAnswerBesideTheExpectedPnlInOneFlatBody() {
    JsonNode body =
        JSON.valueToTree(
            simulated(
                new PnlEstimate(12.4049, 4.1, 20.7, 0.9, 2400), TradeSimulation.Source.COMMUNITY));

    assertThat(body.get("win_probability").asDouble()).isEqualTo(0.68);
    assertThat(body.at("/evidence/community_trades").asLong()).isEqualTo(2400);
    assertThat(body.at("/model/name").asText()).isEqualTo("pattern");
    assertThat(body.at("/expected_pnl/mean").asDouble()).isEqualTo(12.4);
    assertThat(body.at("/expected_pnl/source").asText()).isEqualTo("community");
    assertThat(body.get("summary").asText())
        .isEqualTo(
            "68 % to win (61–74 %), based on 42 of your trades and 2,400 community trades;"
                + " expected P&L +12.40 (90 % interval +4.10 to +20.70) from 2,400 community"
                + " trades");
    assertThat(body.has("answer")).isFalse();
  }

  @Test
  void shouldSayWhenTooFewTradesAreKnownToExpectAPnl() {
    SimulateTradeResponse response =
        SimulateTradeResponse.of(
            WinProbabilityResponse.of(QUERY, ANSWER, PATTERN_V1, 0.7, ACTIVE, AS_OF),
            new TradeSimulation(ANSWER, Optional.empty(), TradeSimulation.Source.NONE));

    assertThat(response.expectedPnl()).isNull();
    assertThat(response.summary()).endsWith("; too few similar trades to expect a P&L");
  }

  @Test
  void shouldMarkTheWholeAnswerStale() {
    SimulateTradeResponse stale =
        simulated(new PnlEstimate(1, 0, 2, 0.9, 40), TradeSimulation.Source.USER)
            .withFreshness(Freshness.stale(12));

    assertThat(stale.answer().freshness()).isEqualTo(Freshness.stale(12));
    assertThat(stale.summary()).endsWith("from 40 of your trades");
  }

  private static SimulateTradeResponse simulated(PnlEstimate pnl, TradeSimulation.Source source) {
    return SimulateTradeResponse.of(
        WinProbabilityResponse.of(QUERY, ANSWER, PATTERN_V1, 0.7, ACTIVE, AS_OF),
        new TradeSimulation(ANSWER, Optional.of(pnl), source));
  }
}
