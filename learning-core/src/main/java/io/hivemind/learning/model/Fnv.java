package io.hivemind.learning.model;

import java.nio.charset.StandardCharsets;

/**
 * FNV-1a (64 bits) over UTF-8 text: a hash that is the same on every JVM and every run, unlike
 * {@link String#hashCode()}'s use in hash maps, so that the challenger's hashed inputs, its version
 * digest and a user's A/B bucket never move between instances or releases.
 */
public final class Fnv {

  /** The hash of no bytes: where a fresh hash starts. */
  public static final long OFFSET = 0xcbf29ce484222325L;

  private static final long PRIME = 0x100000001b3L;

  private Fnv() {}

  /** {@code text}'s hash. */
  public static long hash(String text) {
    return hash(OFFSET, text);
  }

  /** {@code hash} carried on over {@code text}'s bytes: hashing a sequence piece by piece. */
  public static long hash(long hash, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= PRIME;
    }
    return hash;
  }

  /** A uniform draw in [0, 1) fixed by {@code text}: the top 53 bits of its hash. */
  public static double unit(String text) {
    return (hash(text) >>> 11) * 0x1.0p-53;
  }
}
