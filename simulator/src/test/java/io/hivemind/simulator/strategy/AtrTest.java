package io.hivemind.simulator.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.simulator.market.Bar;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AtrTest {

  private static Bar bar(double high, double low, double close) {
    return new Bar(Instant.EPOCH, close, high, low, close, 1);
  }

  @Test
  void shouldAverageTrueRangesIncludingGapsFromThePreviousClose() {
    Atr atr = new Atr(2);
    atr.update(bar(11, 9, 10)); // range 2
    assertThat(atr.isReady()).isFalse();
    atr.update(bar(15, 14, 14.5)); // gap: |15 − 10| = 5
    assertThat(atr.value()).isCloseTo(3.5, within(1e-9));
    atr.update(bar(15, 14, 14)); // range 1: (3.5 + 1) / 2
    assertThat(atr.value()).isCloseTo(2.25, within(1e-9));
  }
}
