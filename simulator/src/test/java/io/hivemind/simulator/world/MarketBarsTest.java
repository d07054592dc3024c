package io.hivemind.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.simulator.market.Bar;
import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.market.PricePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketBarsTest {

  private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");

  private static List<Bar> firstBars(int n) {
    PricePath path = new PricePath(Instrument.ES, 7, START);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      bars.add(path.next());
    }
    return bars;
  }

  @Test
  void shouldGiveTheMarketsOwnBarsClosedByTheTime() {
    MarketBars bars = new MarketBars(Instrument.ES, 7, START);

    List<Bar> closed = bars.closedBetween(null, START.plusSeconds(10 * 60 + 30), 100);

    assertThat(closed).isEqualTo(firstBars(10));
  }

  @Test
  void shouldGiveOnlyTheBarsAfterTheLastReportedAndAtMostTheNewest() {
    MarketBars bars = new MarketBars(Instrument.ES, 7, START);
    List<Bar> expected = firstBars(20);

    List<Bar> closed = bars.closedBetween(expected.get(4).time(), START.plusSeconds(20 * 60), 10);

    assertThat(closed).isEqualTo(expected.subList(10, 20));
    assertThat(bars.closedBetween(expected.get(17).time(), START.plusSeconds(20 * 60), 10))
        .isEqualTo(expected.subList(18, 20));
  }

  @Test
  void shouldAnswerALaggingBotFromWhatItKept() {
    MarketBars bars = new MarketBars(Instrument.ES, 7, START);
    bars.closedBetween(null, START.plusSeconds(30 * 60), 1);

    assertThat(bars.closedBetween(null, START.plusSeconds(5 * 60), 100)).isEqualTo(firstBars(5));
  }
}
