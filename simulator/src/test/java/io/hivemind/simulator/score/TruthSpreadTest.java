package io.hivemind.simulator.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TruthSpreadTest {

  @Test
  void shouldGivePercentilesToTheHundredth() {
    TruthSpread spread = new TruthSpread();
    for (int i = 0; i < 100; i++) {
      spread.record(i / 100.0 + 0.001);
    }
    assertThat(spread.percentile(0.05)).isCloseTo(0.045, within(1e-9));
    assertThat(spread.percentile(0.5)).isCloseTo(0.495, within(1e-9));
    assertThat(spread.min()).isCloseTo(0.001, within(1e-12));
    assertThat(spread.max()).isCloseTo(0.991, within(1e-12));
    assertThat(spread.mean()).isCloseTo(0.496, within(1e-9));
  }

  @Test
  void shouldHaveNothingToSayWhenEmpty() {
    assertThat(new TruthSpread().percentile(0.5)).isNaN();
    assertThat(new TruthSpread().mean()).isNaN();
  }
}
