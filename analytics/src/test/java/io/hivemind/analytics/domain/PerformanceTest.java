package io.hivemind.analytics.domain;

import static io.hivemind.analytics.domain.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PerformanceTest {

  private static final Instant T0 = Instant.parse("2026-11-20T14:32:00Z");

  private static Performance after(double... pnls) {
    Performance p = Performance.EMPTY;
    for (int i = 0; i < pnls.length; i++) {
      p = p.plus(trade("u1", "s" + i, pnls[i], T0.plusSeconds(60L * i)));
    }
    return p;
  }

  @Test
  void shouldCountTradesWinsPnlAndStreaksInOrder() {
    Performance p = after(100, 50, -30, -20, -10, 40);
    assertThat(p).isEqualTo(new Performance(6, 3, 130.0, 1, 2, T0.plusSeconds(300)));
    assertThat(p.losses()).isEqualTo(3);
    assertThat(p.winRate()).isEqualTo(0.5);
  }

  @Test
  void shouldCountAStreakOfLossesAsNegative() {
    Performance p = after(10, -1, -1, -1);
    assertThat(p.currentStreak()).isEqualTo(-3);
    assertThat(p.winStreak()).isZero();
    assertThat(p.bestStreak()).isEqualTo(1);
  }

  @Test
  void shouldCountAZeroPnlAsALossAsTheLearnerDoes() {
    Performance p = after(0);
    assertThat(p.wins()).isZero();
    assertThat(p.currentStreak()).isEqualTo(-1);
  }

  @Test
  void shouldHaveAZeroWinRateBeforeTheFirstTrade() {
    assertThat(Performance.EMPTY.winRate()).isZero();
  }
}
