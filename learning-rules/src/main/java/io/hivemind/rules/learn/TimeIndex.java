package io.hivemind.rules.learn;

/**
 * Key of an index of the join's memory by time (waiting outcomes by arrival, signals by arrival,
 * learned outcomes by when they were learned): the time in a fixed width whose string order is the
 * time's order, then the {@link JoinKey}. Scanning an index from its start up to {@link #upTo}
 * reads exactly the entries of a time at or before a cutoff, oldest first, and the same order holds
 * wherever the key is kept: in a RocksDB store (UTF-8 byte order) and in a replay's map ordered by
 * {@link #ORDER} (code point order, which is UTF-8 byte order).
 */
public final class TimeIndex {

  /** Width of the time part: 16 hex digits. */
  static final int TIME_WIDTH = 16;

  /** String order as UTF-8 bytes order it: by code point (String.compareTo differs past U+FFFF). */
  public static final java.util.Comparator<String> ORDER = TimeIndex::compareCodePoints;

  private TimeIndex() {}

  public static String of(long arrivedAt, String joinKey) {
    return time(arrivedAt) + joinKey;
  }

  /**
   * The last index key of all outcomes that arrived at or before {@code cutoff}, inclusive: the
   * time part of the next millisecond, which no key equals (a join key is never empty) and every
   * key of that millisecond follows.
   */
  public static String upTo(long cutoff) {
    return cutoff == Long.MAX_VALUE ? time(cutoff) + Character.MAX_VALUE : time(cutoff + 1);
  }

  /** The smallest index key. */
  public static String first() {
    return time(Long.MIN_VALUE);
  }

  /** The join key an index key points to. */
  public static String joinKey(String indexKey) {
    return indexKey.substring(TIME_WIDTH);
  }

  private static String time(long millis) {
    // flipping the sign bit makes unsigned (and so hex string) order the signed order
    String hex = Long.toHexString(millis ^ Long.MIN_VALUE);
    return "0".repeat(TIME_WIDTH - hex.length()) + hex;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
