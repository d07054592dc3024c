package io.hivemind.simulator.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.simulator.market.Bar;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionVwapTest {

  /** 15:00 UTC is 10:00 in New York in November: well inside a session. */
  private static final Instant MORNING = Instant.parse("2026-11-18T15:00:00Z");

  private static Bar flat(Instant time, double price, long volume) {
    return new Bar(time, price, price, price, price, volume);
  }

  @Test
  void shouldWeighPricesByVolume() {
    SessionVwap vwap = new SessionVwap();
    vwap.update(flat(MORNING, 100, 1));
    vwap.update(flat(MORNING.plusSeconds(60), 102, 3));
    // (100·1 + 102·3) / 4
    assertThat(vwap.vwap()).isCloseTo(101.5, within(1e-9));
    // (1·1.5² + 3·0.5²) / 4 = 0.75
    assertThat(vwap.std()).isCloseTo(Math.sqrt(0.75), within(1e-9));
    assertThat(vwap.zScore(102)).isCloseTo(0.5 / Math.sqrt(0.75), within(1e-9));
    assertThat(vwap.bars()).isEqualTo(2);
  }

  @Test
  void shouldUseTheTypicalPrice() {
    SessionVwap vwap = new SessionVwap();
    vwap.update(new Bar(MORNING, 10, 12, 9, 12, 5));
    assertThat(vwap.vwap()).isCloseTo((12 + 9 + 12) / 3.0, within(1e-9));
    assertThat(vwap.std()).isZero();
    assertThat(vwap.zScore(20)).isNaN();
  }

  @Test
  void shouldStartAgainAtTheSixPmSession() {
    SessionVwap vwap = new SessionVwap();
    Instant beforeClose = Instant.parse("2026-11-18T21:59:00Z"); // 16:59 New York
    Instant open = Instant.parse("2026-11-18T23:00:00Z"); // 18:00 New York
    assertThat(vwap.update(flat(beforeClose, 100, 10))).isTrue();
    assertThat(vwap.update(flat(beforeClose.plusSeconds(1), 101, 10))).isFalse();
    assertThat(vwap.update(flat(open, 90, 10))).isTrue();
    assertThat(vwap.vwap()).isEqualTo(90);
    assertThat(vwap.bars()).isEqualTo(1);
  }
}
