package io.hivemind.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PnlEstimateTest {

  @Test
  void shouldGiveTheMeanWithStudentsIntervalFromTheSums() {
    // 10, 20, 30, 40: mean 25, sample sd 12.91, t(0.95, 3) = 2.3534 → ± 15.19
    PnlEstimate estimate = PnlEstimate.of(4, 100, 3000, 0.9).orElseThrow();

    assertThat(estimate.mean()).isEqualTo(25.0);
    assertThat(estimate.high() - estimate.mean()).isCloseTo(15.19, within(0.01));
    assertThat(estimate.mean() - estimate.low()).isCloseTo(15.19, within(0.01));
    assertThat(estimate.trades()).isEqualTo(4);
    assertThat(estimate.level()).isEqualTo(0.9);
  }

  @Test
  void shouldHaveNoEstimateBelowTwoTrades() {
    assertThat(PnlEstimate.of(0, 0, 0, 0.9)).isEmpty();
    assertThat(PnlEstimate.of(1, 50, 2500, 0.9)).isEmpty();
  }

  @Test
  void shouldGiveAPointWhenEveryTradeMadeTheSameEvenWithRoundingBelowZero() {
    // 0.1 three times: the sums' variance cancels to a tiny negative number
    PnlEstimate estimate = PnlEstimate.of(3, 0.1 + 0.1 + 0.1, 0.03, 0.9).orElseThrow();

    assertThat(estimate.low()).isCloseTo(estimate.mean(), within(1e-6));
    assertThat(estimate.high()).isCloseTo(estimate.mean(), within(1e-6));
  }

  @Test
  void shouldCoverTheTrueMeanAtAboutItsLevel() {
    SplittableRandom random = new SplittableRandom(11);
    int covered = 0;
    int runs = 2_000;
    for (int run = 0; run < runs; run++) {
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < 30; i++) {
        double pnl = random.nextDouble() < 0.55 ? 100 : -80; // mean 19
        sum += pnl;
        squares += pnl * pnl;
      }
      PnlEstimate estimate = PnlEstimate.of(30, sum, squares, 0.9).orElseThrow();
      if (estimate.low() <= 19 && 19 <= estimate.high()) {
        covered++;
      }
    }
    assertThat((double) covered / runs).isBetween(0.87, 0.93);
  }

  @Test
  void shouldRefuseALevelOutsideZeroToOne() {
    assertThatThrownBy(() -> PnlEstimate.of(4, 100, 3000, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level");
  }
}
