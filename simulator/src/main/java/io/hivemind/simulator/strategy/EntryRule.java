package io.hivemind.simulator.strategy;

import java.util.Optional;

/**
 * The seed strategy's entry condition, with a cooldown. LONG when the close is at least {@code
 * entryStd} below VWAP and RSI is at most {@code oversold}; SHORT mirrored. Not beyond the stop
 * band: a price already past the stop would be stopped out on entry.
 *
 * <p>The cooldown makes one excursion give one entry: after an entry on a side, that side is
 * disarmed until price comes back within {@code rearmStd} of VWAP (or a new session starts),
 * instead of firing on every bar of the same stretch.
 */
public final class EntryRule {

  private final VwapRsiStrategy.Settings settings;
  private boolean longArmed = true;
  private boolean shortArmed = true;

  public EntryRule(VwapRsiStrategy.Settings settings) {
    this.settings = settings;
  }

  public Optional<TradeSide> evaluate(double vwapZ, double rsi) {
    if (Double.isNaN(vwapZ) || Double.isNaN(rsi)) {
      return Optional.empty();
    }
    if (vwapZ >= -settings.rearmStd()) {
      longArmed = true;
    }
    if (vwapZ <= settings.rearmStd()) {
      shortArmed = true;
    }
    if (longArmed
        && vwapZ <= -settings.entryStd()
        && vwapZ > -settings.stopStd()
        && rsi <= settings.oversold()) {
      longArmed = false;
      return Optional.of(TradeSide.LONG);
    }
    if (shortArmed
        && vwapZ >= settings.entryStd()
        && vwapZ < settings.stopStd()
        && rsi >= settings.overbought()) {
      shortArmed = false;
      return Optional.of(TradeSide.SHORT);
    }
    return Optional.empty();
  }

  /** A new session: the VWAP the excursions were measured from is gone. */
  public void rearm() {
    longArmed = true;
    shortArmed = true;
  }
}
