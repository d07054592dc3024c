package io.hivemind.simulator.strategy;

import io.hivemind.simulator.market.Bar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The seed bots' VWAP/RSI mean-reversion strategy, fed one bar at a time. It proposes an entry when
 * {@link EntryRule} fires on the bar's close, aiming at the session VWAP with its stop on the far
 * band, and describes what it saw with the four features every bot sends.
 *
 * <p>Features are rounded (RSI to 2 decimals, vwap_z to 3, atr to 4, volume_ratio to 3) before
 * anything else sees them, so the pattern a bot's truth is drawn for is the pattern the server
 * buckets the same numbers into.
 */
public final class VwapRsiStrategy {

  public static final String RSI = "rsi";
  public static final String VWAP_Z = "vwap_z";
  public static final String ATR = "atr";
  public static final String VOLUME_RATIO = "volume_ratio";

  /**
   * @param entryStd distance from VWAP, in standard deviations, that opens a trade (seed: 2.1)
   * @param stopStd the band the stop sits on (seed: 3.7)
   * @param rsiPeriod Wilder RSI period (seed: 10)
   * @param oversold RSI at or below which a LONG may open (seed: 35)
   * @param overbought RSI at or above which a SHORT may open (seed: 65)
   * @param atrPeriod period of the ATR feature
   * @param volumePeriod bars in the mean the volume ratio divides by
   * @param rearmStd how close to VWAP price must come back before the same side fires again
   * @param warmupBars bars of a session before the VWAP band is trusted (the first minutes of a
   *     session have a near-zero deviation, so every tick would be "2 std" away)
   */
  public record Settings(
      double entryStd,
      double stopStd,
      int rsiPeriod,
      double oversold,
      double overbought,
      int atrPeriod,
      int volumePeriod,
      double rearmStd,
      int warmupBars) {

    public static Settings seed() {
      return new Settings(2.1, 3.7, 10, 35, 65, 14, 20, 1.0, 30);
    }
  }

  private final Settings settings;
  private final Rsi rsi;
  private final Atr atr;
  private final RollingMean volume;
  private final SessionVwap vwap = new SessionVwap();
  private final EntryRule rule;

  public VwapRsiStrategy(Settings settings) {
    this.settings = settings;
    this.rsi = new Rsi(settings.rsiPeriod());
    this.atr = new Atr(settings.atrPeriod());
    this.volume = new RollingMean(settings.volumePeriod());
    this.rule = new EntryRule(settings);
  }

  public Settings settings() {
    return settings;
  }

  /** Feeds one bar; returns the entry proposed on its close, if any. */
  public Optional<StrategySignal> onBar(Bar bar) {
    rsi.update(bar.close());
    atr.update(bar);
    volume.update(bar.volume());
    if (vwap.update(bar)) {
      rule.rearm();
    }
    if (!rsi.isReady()
        || !atr.isReady()
        || !volume.isReady()
        || vwap.bars() < settings.warmupBars()) {
      return Optional.empty();
    }
    double z = vwap.zScore(bar.close());
    return rule.evaluate(z, rsi.value()).map(side -> signal(bar, side, z));
  }

  private StrategySignal signal(Bar bar, TradeSide side, double z) {
    double mean = vwap.vwap();
    double std = vwap.std();
    double stop =
        side == TradeSide.LONG ? mean - settings.stopStd() * std : mean + settings.stopStd() * std;
    Map<String, Double> features = new LinkedHashMap<>();
    features.put(RSI, round(rsi.value(), 100));
    features.put(VWAP_Z, round(z, 1000));
    features.put(ATR, round(atr.value(), 10000));
    features.put(VOLUME_RATIO, round(bar.volume() / volume.value(), 1000));
    return new StrategySignal(
        bar.closeTime(),
        side,
        bar.close(),
        mean,
        std,
        mean,
        stop,
        Collections.unmodifiableMap(features));
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }
}
