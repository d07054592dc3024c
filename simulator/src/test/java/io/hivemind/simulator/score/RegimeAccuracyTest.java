package io.hivemind.simulator.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.regime.MarketRegime;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.simulator.market.Instrument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegimeAccuracyTest {

  static final Instant START = Instant.parse("2026-01-04T00:00:00Z");
  static final int DAYS = 28;
  static final int WARMUP_DAYS = 7;

  @Test
  void shouldNameTheTrueRegimeOnSeedsItWasNotFittedOn() {
    RegimeAccuracy.Result result =
        RegimeAccuracy.measure(
            RegimeClassifier.standard(),
            List.of(6L, 7L, 8L, 9L, 10L),
            Instrument.all(),
            START,
            DAYS,
            WARMUP_DAYS);
    System.out.println("held-out seeds 6-10:\n" + result.table());
    // measured 0.898 (BENCHMARKS.md); the target is 0.80
    assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.88);
    for (MarketRegime regime : MarketRegime.values()) {
      assertThat(result.recall(regime)).as("recall of %s", regime).isGreaterThanOrEqualTo(0.80);
    }
  }

  @Test
  void shouldStayAccurateWhenTheFleetMissesMinutes() {
    RegimeAccuracy.Result result =
        RegimeAccuracy.measure(
            RegimeClassifier.standard(),
            List.of(6L, 7L, 8L, 9L, 10L),
            Instrument.all(),
            START,
            DAYS,
            WARMUP_DAYS,
            0.3);
    System.out.println("held-out seeds 6-10, 30 % of the bars missing:\n" + result.table());
    assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.85);
  }
}
