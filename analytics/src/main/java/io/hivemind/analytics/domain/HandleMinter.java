package io.hivemind.analytics.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anonymous, stable handles for community answers ("amber-falcon-0421"): HMAC-SHA256 of the user id
 * under a deployment secret, its first bytes mapped to an adjective, an animal and four digits. The
 * same secret gives the same handle after every restart; without the secret a handle cannot be
 * linked back to a user id (a plain hash could be, by hashing candidate ids), and changing the
 * secret re-draws every handle.
 *
 * <p>64 adjectives × 64 animals × 10,000 numbers = 40,960,000 handles: among 1,000 users a
 * collision has a chance of about 1 in 80 per secret, among 10,000 about 1 in 1. A community answer
 * that must tell users apart beyond that needs the full HMAC, not the readable form.
 */
public final class HandleMinter {

  /** Shorter secrets are refused: a handle is only as unlinkable as the secret is unguessable. */
  public static final int MIN_SECRET_BYTES = 16;

  static final List<String> ADJECTIVES =
      List.of(
          "amber", "azure", "bold", "brave", "bright", "brisk", "calm", "clever", "coral", "crisp",
          "dapper", "deft", "eager", "early", "fair", "fleet", "frank", "gentle", "gilded", "glad",
          "golden", "grand", "hardy", "hazel", "honest", "ivory", "jade", "jolly", "keen", "kind",
          "lively", "lucid", "lucky", "mellow", "merry", "misty", "nimble", "noble", "olive",
          "opal", "patient", "plucky", "polar", "proud", "quick", "quiet", "rapid", "ruby",
          "rustic", "sage", "scarlet", "serene", "sharp", "silver", "sleek", "snowy", "solar",
          "steady", "stormy", "sunny", "swift", "tidy", "vivid", "witty");

  static final List<String> ANIMALS =
      List.of(
          "badger", "bear", "beaver", "bison", "bobcat", "condor", "cougar", "coyote", "crane",
          "crow", "dolphin", "eagle", "egret", "elk", "falcon", "ferret", "finch", "fox", "gecko",
          "heron", "hawk", "ibex", "jaguar", "jay", "kestrel", "koala", "lark", "lemur", "lion",
          "lynx", "magpie", "marten", "mink", "moose", "narwhal", "ocelot", "orca", "osprey",
          "otter", "owl", "panda", "panther", "pelican", "puffin", "quail", "raven", "robin",
          "salmon", "seal", "shark", "sparrow", "stork", "swan", "tiger", "trout", "turtle",
          "viper", "walrus", "weasel", "whale", "wolf", "wombat", "wren", "yak");

  private final SecretKeySpec key;

  public HandleMinter(byte[] secret) {
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the handle secret must have at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The secret as configured (UTF-8 text). */
  public static HandleMinter withSecret(String secret) {
    return new HandleMinter(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
  }

  public String handleOf(String userId) {
    ByteBuffer digest = ByteBuffer.wrap(hmac(userId));
    int adjective = Byte.toUnsignedInt(digest.get()) % ADJECTIVES.size();
    int animal = Byte.toUnsignedInt(digest.get()) % ANIMALS.size();
    long number = Integer.toUnsignedLong(digest.getInt()) % 10_000;
    return ADJECTIVES.get(adjective) + "-" + ANIMALS.get(animal) + "-" + "%04d".formatted(number);
  }

  private byte[] hmac(String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
