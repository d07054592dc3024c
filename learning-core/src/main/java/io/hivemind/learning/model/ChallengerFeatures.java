package io.hivemind.learning.model;

import io.hivemind.learning.pattern.TradingSession;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The challenger's inputs, version {@value #VERSION}: the raw features of a trade turned into named
 * binary indicators, hashed into a fixed table. Every indicator is one weight of a logistic
 * regression, so an interaction is a name that joins two or more parts.
 *
 * <ul>
 *   <li>shared by every market: a bias, the session of day, the RSI bucket (width 5), the VWAP
 *       distance bucket (width 0.5) and each with the side, the volume-ratio bucket (log2 halves)
 *   <li>per market (symbol × side): its own bias, with the session, with the RSI bucket, with the
 *       VWAP bucket, the ATR bucket (log2 halves; ATR is in the symbol's price units), and the full
 *       cross of session, RSI and VWAP buckets, which is the pattern model's L2 pattern
 *   <li>with a regime, when one is known: the regime, and the regime per market
 * </ul>
 *
 * Coarse indicators learn from many trades and let a rare fine one start from their estimate; the
 * regulariser shrinks a fine one toward zero until its own trades say otherwise, which is the
 * pattern model's hierarchy expressed as a sum. A changed list is a new {@link #VERSION}.
 */
public final class ChallengerFeatures {

  public static final String VERSION = "f1";
  public static final String RSI = "rsi";
  public static final String VWAP_Z = "vwap_z";
  public static final String ATR = "atr";
  public static final String VOLUME_RATIO = "volume_ratio";

  private static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

  private ChallengerFeatures() {}

  /** The named indicators of a trade, in a fixed order. */
  public static List<String> names(TradeContext trade) {
    String market = trade.symbol() + "/" + trade.side();
    String session = TradingSession.at(trade.time().atZone(EXCHANGE_ZONE).toLocalTime()).label();
    Integer rsi = bucket(trade.features().get(RSI), 5.0, 0, 19);
    Integer vwap = bucket(trade.features().get(VWAP_Z), 0.5, -8, 7);
    Integer atr = logBucket(trade.features().get(ATR));
    Integer volume = logBucket(trade.features().get(VOLUME_RATIO));
    List<String> names = new ArrayList<>(16);
    names.add("bias");
    names.add("session=" + session);
    names.add("market=" + market);
    names.add("market*session=" + market + "/" + session);
    if (rsi != null) {
      names.add("rsi=" + rsi);
      names.add("side*rsi=" + trade.side() + "/" + rsi);
      names.add("market*rsi=" + market + "/" + rsi);
    }
    if (vwap != null) {
      names.add("vz=" + vwap);
      names.add("side*vz=" + trade.side() + "/" + vwap);
      names.add("market*vz=" + market + "/" + vwap);
    }
    if (rsi != null && vwap != null) {
      names.add("market*session*rsi*vz=" + market + "/" + session + "/" + rsi + "/" + vwap);
    }
    if (atr != null) {
      names.add("market*atr=" + market + "/" + atr);
    }
    if (volume != null) {
      names.add("volume=" + volume);
    }
    if (trade.regime() != null) {
      String regime = trade.regime().toLowerCase(Locale.ROOT);
      names.add("regime=" + regime);
      names.add("market*regime=" + market + "/" + regime);
    }
    return names;
  }

  /** The indicators' slots in a table of {@code 2^bits} weights. */
  public static int[] slots(TradeContext trade, int bits) {
    List<String> names = names(trade);
    int[] slots = new int[names.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = slot(names.get(i), bits);
    }
    return slots;
  }

  /** FNV-1a over the name's UTF-8 bytes, folded to {@code bits}: the same on every JVM. */
  static int slot(String name, int bits) {
    long hash = Fnv.hash(name);
    hash ^= hash >>> 32;
    return (int) (hash & ((1L << bits) - 1));
  }

  private static Integer bucket(Double value, double width, int min, int max) {
    if (value == null || !Double.isFinite(value)) {
      return null;
    }
    return Math.max(min, Math.min(max, (int) Math.floor(value / width)));
  }

  /** Halves of a power of two: 1.0 → 0, 1.5 → 1, 2.0 → 2, 0.5 → −2; clamped to ±20. */
  private static Integer logBucket(Double value) {
    if (value == null || !Double.isFinite(value) || value <= 0) {
      return null;
    }
    double halves = Math.floor(2 * Math.log(value) / Math.log(2));
    return (int) Math.max(-20, Math.min(20, halves));
  }
}
