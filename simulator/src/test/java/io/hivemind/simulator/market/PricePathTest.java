package io.hivemind.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PricePathTest {

  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

  private static List<Bar> bars(Instrument instrument, long seed, int count) {
    PricePath path = new PricePath(instrument, seed, FROM);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bars.add(path.next());
    }
    return bars;
  }

  @Test
  void shouldGiveTheSameBarsForTheSameSeed() {
    assertThat(bars(Instrument.ES, 7, 3000)).isEqualTo(bars(Instrument.ES, 7, 3000));
  }

  @Test
  void shouldGiveOtherBarsForAnotherSeedOrInstrument() {
    assertThat(bars(Instrument.ES, 8, 100)).isNotEqualTo(bars(Instrument.ES, 7, 100));
    assertThat(bars(Instrument.NQ, 7, 100).get(99).close())
        .isNotEqualTo(bars(Instrument.ES, 7, 100).get(99).close());
  }

  @Test
  void shouldMakeOnlyTradingMinutesInOrder() {
    List<Bar> week = bars(Instrument.CL, 3, 7000);
    Instant previous = Instant.MIN;
    for (Bar bar : week) {
      assertThat(ExchangeCalendar.isOpen(bar.time())).as("%s", bar.time()).isTrue();
      assertThat(bar.time()).isAfter(previous);
      previous = bar.time();
    }
    // first bar is the Sunday 18:00 New York open
    assertThat(week.get(0).time()).isEqualTo(Instant.parse("2026-11-01T23:00:00Z"));
  }

  @Test
  void shouldKeepPricesOnTheTickGridAndBarsConsistent() {
    for (Instrument instrument : Instrument.values()) {
      for (Bar bar : bars(instrument, 11, 2000)) {
        assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
        assertThat(bar.low()).isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
        assertThat(bar.low()).isPositive();
        assertThat(bar.volume()).isPositive();
        double ticks = bar.close() / instrument.tickSize();
        assertThat(Math.abs(ticks - Math.rint(ticks))).isLessThan(1e-6);
      }
    }
  }

  @Test
  void shouldSwitchBetweenRegimes() {
    PricePath path = new PricePath(Instrument.ES, 5, FROM);
    Set<Regime> seen = EnumSet.noneOf(Regime.class);
    for (int i = 0; i < 20_000; i++) {
      path.next();
      seen.add(path.regime());
    }
    assertThat(seen).containsExactlyInAnyOrder(Regime.values());
  }
}
