package io.hivemind.simulator.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.learning.regime.MarketRegime;
import io.hivemind.learning.regime.RegimeModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model is what the training seeds give, not numbers tuned on the held-out ones. */
class RegimeModelFitTest {

  @Test
  void shouldBeTheModelFittedOnSeedsOneToFive() {
    RegimeModel shipped = RegimeModel.fitted();
    RegimeModel fitted =
        RegimeFit.fit(
            shipped,
            List.of(1L, 2L, 3L, 4L, 5L),
            RegimeAccuracyTest.START,
            RegimeAccuracyTest.DAYS,
            RegimeAccuracyTest.WARMUP_DAYS);

    for (MarketRegime regime : MarketRegime.values()) {
      RegimeModel.Emission want = fitted.emission(regime);
      RegimeModel.Emission have = shipped.emission(regime);
      assertThat(have.drift()).as("%s drift", regime).isCloseTo(want.drift(), within(0.002));
      assertThat(have.reversion())
          .as("%s reversion", regime)
          .isCloseTo(want.reversion(), within(0.002));
      assertThat(have.sd()).as("%s sd", regime).isCloseTo(want.sd(), within(0.002));
      assertThat(have.volumeMean())
          .as("%s volume", regime)
          .isCloseTo(want.volumeMean(), within(0.002));
      assertThat(have.volumeSd())
          .as("%s volume sd", regime)
          .isCloseTo(want.volumeSd(), within(0.002));
      assertThat(have.meanMinutes())
          .as("%s spell", regime)
          .isCloseTo(want.meanMinutes(), within(1.0));
    }
  }
}
