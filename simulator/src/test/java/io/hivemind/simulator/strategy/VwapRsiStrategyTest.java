package io.hivemind.simulator.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.simulator.market.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VwapRsiStrategyTest {

  /** 10:00 New York: the session opened at 18:00 the evening before. */
  private static final Instant START = Instant.parse("2026-11-18T15:00:00Z");

  private final VwapRsiStrategy strategy = new VwapRsiStrategy(VwapRsiStrategy.Settings.seed());
  private int minute;

  private Optional<StrategySignal> feed(double close) {
    Bar bar = new Bar(START.plusSeconds(60L * minute++), close, close, close, close, 100);
    return strategy.onBar(bar);
  }

  /** 40 bars wobbling around 100: VWAP ≈ 100, a small deviation, RSI near 50. */
  private List<Optional<StrategySignal>> calmMarket() {
    List<Optional<StrategySignal>> signals = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      signals.add(feed(i % 2 == 0 ? 100.5 : 99.5));
    }
    return signals;
  }

  @Test
  void shouldStayOutOfACalmMarket() {
    assertThat(calmMarket()).allMatch(Optional::isEmpty);
  }

  @Test
  void shouldGoLongWhenPriceFallsFarBelowVwapWithOversoldRsi() {
    calmMarket();
    Optional<StrategySignal> signal = Optional.empty();
    double price = 100;
    for (int i = 0; i < 10 && signal.isEmpty(); i++) {
      price -= 0.5;
      signal = feed(price);
    }
    assertThat(signal).isPresent();
    StrategySignal entry = signal.get();
    assertThat(entry.side()).isEqualTo(TradeSide.LONG);
    assertThat(entry.features()).containsOnlyKeys("rsi", "vwap_z", "atr", "volume_ratio");
    assertThat(entry.features().get("vwap_z")).isLessThanOrEqualTo(-2.1);
    assertThat(entry.features().get("rsi")).isLessThanOrEqualTo(35);
    assertThat(entry.features().get("volume_ratio")).isEqualTo(1.0);
    assertThat(entry.target()).isEqualTo(entry.vwap());
    assertThat(entry.stop()).isCloseTo(entry.vwap() - 3.7 * entry.std(), within(1e-9));
    assertThat(entry.price()).isLessThan(entry.target()).isGreaterThan(entry.stop());
    assertThat(entry.time()).isEqualTo(START.plusSeconds(60L * minute));
  }

  @Test
  void shouldGoShortWhenPriceRisesFarAboveVwapWithOverboughtRsi() {
    calmMarket();
    Optional<StrategySignal> signal = Optional.empty();
    double price = 100;
    for (int i = 0; i < 10 && signal.isEmpty(); i++) {
      price += 0.5;
      signal = feed(price);
    }
    assertThat(signal).map(StrategySignal::side).contains(TradeSide.SHORT);
    assertThat(signal.get().stop()).isGreaterThan(signal.get().price());
  }

  @Test
  void shouldWaitForTheSessionToWarmUp() {
    List<Optional<StrategySignal>> signals = new ArrayList<>();
    for (int i = 0; i < 29; i++) {
      // a steady slide would fire at once if the first minutes counted
      signals.add(feed(100 - i * (i < 20 ? 0.01 : 1.0)));
    }
    assertThat(signals).allMatch(Optional::isEmpty);
  }
}
