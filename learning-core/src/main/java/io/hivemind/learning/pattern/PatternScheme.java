package io.hivemind.learning.pattern;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Buckets what a bot saw into patterns at three levels of detail. The version is the first segment
 * of every pattern, so a new scheme never mixes its counts with an old one's.
 *
 * <ul>
 *   <li>L0: the (symbol, side) alone: pattern {@code v1}
 *   <li>L1: L0 and the session of the exchange day: {@code v1/mid}
 *   <li>L2: L1 and the RSI and VWAP-distance buckets: {@code v1/mid/rsi6/vz-5}
 * </ul>
 *
 * <p>L2 needs both features; without them (an outcome whose signal never arrived, or a query
 * without features) only L0 and L1 exist.
 */
public final class PatternScheme {

  public static final int LEVELS = 3;
  public static final String RSI = "rsi";
  public static final String VWAP_Z = "vwap_z";

  private static final double RSI_WIDTH = 5.0;
  private static final int RSI_MAX_BUCKET = 19;
  private static final double VWAP_Z_WIDTH = 0.5;
  private static final int VWAP_Z_MIN_BUCKET = -8;
  private static final int VWAP_Z_MAX_BUCKET = 7;

  private final String version;
  private final ZoneId exchangeZone;

  public PatternScheme(String version, ZoneId exchangeZone) {
    this.version = version;
    this.exchangeZone = exchangeZone;
  }

  public static PatternScheme v1() {
    return new PatternScheme("v1", ZoneId.of("America/New_York"));
  }

  public String version() {
    return version;
  }

  /** The pattern at each level (index = level) that a trade entered at {@code time} belongs to. */
  public List<String> patterns(Instant time, Map<String, Double> features) {
    List<String> patterns = new ArrayList<>(LEVELS);
    patterns.add(version);
    String l1 = version + "/" + TradingSession.at(time.atZone(exchangeZone).toLocalTime()).label();
    patterns.add(l1);
    Double rsi = features.get(RSI);
    Double vwapZ = features.get(VWAP_Z);
    if (isFinite(rsi) && isFinite(vwapZ)) {
      patterns.add(l1 + "/rsi" + rsiBucket(rsi) + "/vz" + vwapZBucket(vwapZ));
    }
    return List.copyOf(patterns);
  }

  /**
   * The pattern one level above {@code pattern} (of level {@code level} ≥ 1), whose statistics hold
   * every trade of it: {@code v1/mid/rsi6/vz-5} → {@code v1/mid} → {@code v1}.
   */
  public static String parent(int level, String pattern) {
    if (level < 1 || level >= LEVELS) {
      throw new IllegalArgumentException("level must be 1 or 2, was " + level);
    }
    int end = -1;
    for (int segment = 0; segment < level; segment++) {
      end = pattern.indexOf('/', end + 1);
      if (end < 0) {
        throw new IllegalArgumentException("not a level-" + level + " pattern: " + pattern);
      }
    }
    return pattern.substring(0, end);
  }

  static int rsiBucket(double rsi) {
    return clamp((int) Math.floor(rsi / RSI_WIDTH), 0, RSI_MAX_BUCKET);
  }

  static int vwapZBucket(double vwapZ) {
    return clamp((int) Math.floor(vwapZ / VWAP_Z_WIDTH), VWAP_Z_MIN_BUCKET, VWAP_Z_MAX_BUCKET);
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  private static boolean isFinite(Double value) {
    return value != null && Double.isFinite(value);
  }
}
