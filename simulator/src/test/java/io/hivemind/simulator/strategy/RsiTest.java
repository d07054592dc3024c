package io.hivemind.simulator.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RsiTest {

  @Test
  void shouldAverageTheFirstPeriodThenSmoothLikeWilder() {
    Rsi rsi = new Rsi(3);
    for (double close : new double[] {10, 11, 12, 11}) {
      rsi.update(close);
    }
    // gains 1, 1, 0 and losses 0, 0, 1: averages 2/3 and 1/3, RS 2
    assertThat(rsi.value()).isCloseTo(100 - 100 / 3.0, within(1e-9));
    rsi.update(13);
    // gain 2: avg gain (2/3·2 + 2)/3 = 10/9, avg loss (1/3·2 + 0)/3 = 2/9, RS 5
    assertThat(rsi.value()).isCloseTo(100 - 100 / 6.0, within(1e-9));
  }

  @Test
  void shouldBeReadyAfterPeriodChanges() {
    Rsi rsi = new Rsi(10);
    for (int i = 0; i < 10; i++) {
      rsi.update(100 + i);
    }
    assertThat(rsi.isReady()).isFalse();
    assertThat(rsi.value()).isNaN();
    rsi.update(110);
    assertThat(rsi.isReady()).isTrue();
    assertThat(rsi.value()).isEqualTo(100);
  }

  @Test
  void shouldSayFiftyForAMarketThatDoesNotMove() {
    Rsi rsi = new Rsi(10);
    for (int i = 0; i < 11; i++) {
      rsi.update(100);
    }
    assertThat(rsi.value()).isEqualTo(50);
  }
}
