package io.hivemind.simulator.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random draws that are pure functions of (seed, key). Each thing the simulation draws (a price
 * path, a user's skill, a pattern's hidden effect, one opportunity's outcome) gets its own stream
 * named by a key, so adding a bot or a symbol never shifts the draws of any other.
 */
public final class Seeds {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Seeds() {}

  /**
   * A well-mixed 64-bit value for (seed, key): FNV-1a over the key, then SplitMix64's finaliser.
   */
  public static long mix(long seed, String key) {
    long hash = FNV_OFFSET ^ seed;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return finalise(hash + seed * 0x9e3779b97f4a7c15L);
  }

  /** Mixes numbers without building strings: for the hot path of opportunity generation. */
  public static long mix(long seed, long a, long b, long c) {
    long hash = finalise(seed ^ 0x6a09e667f3bcc909L);
    hash = finalise(hash ^ a * 0x9e3779b97f4a7c15L);
    hash = finalise(hash ^ b * 0xbf58476d1ce4e5b9L);
    return finalise(hash ^ c * 0x94d049bb133111ebL);
  }

  public static SplittableRandom random(long seed, String key) {
    return new SplittableRandom(mix(seed, key));
  }

  /** A standard normal draw for (seed, key). */
  public static double gaussian(long seed, String key) {
    return random(seed, key).nextGaussian();
  }

  /** A uniform draw in [0, 1) for (seed, key). */
  public static double uniform(long seed, String key) {
    return random(seed, key).nextDouble();
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
