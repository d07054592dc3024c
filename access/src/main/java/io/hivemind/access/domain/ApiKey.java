package io.hivemind.access.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key as a client holds it: {@code hm_<keyId>_<secret>}. The key id (12 characters of
 * lower-case base32) is public and finds the key's record; the secret (32 random bytes, base64url
 * without padding) proves possession and is never stored: records keep only its SHA-256 ({@link
 * #secretHash}). The secret has 256 bits of entropy, so a fast hash is as safe as a slow one: no
 * dictionary to try.
 *
 * <p>{@link #toString} never shows the secret; {@link #reveal} is the one way to get the whole key,
 * for showing it once to whoever created it.
 */
public final class ApiKey {

  public static final String PREFIX = "hm_";
  public static final int KEY_ID_LENGTH = 12;
  static final int SECRET_BYTES = 32;

  private static final char[] KEY_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int SECRET_CHARS = 43; // ceil(32 * 8 / 6), no padding
  private static final int LENGTH = PREFIX.length() + KEY_ID_LENGTH + 1 + SECRET_CHARS;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final HexFormat HEX = HexFormat.of();

  private final String keyId;
  private final byte[] secret;

  private ApiKey(String keyId, byte[] secret) {
    this.keyId = keyId;
    this.secret = secret;
  }

  /** A new key: a random key id and a random secret, both from {@code random}. */
  public static ApiKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    char[] id = new char[KEY_ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = KEY_ID_ALPHABET[random.nextInt(KEY_ID_ALPHABET.length)];
    }
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return new ApiKey(new String(id), secret);
  }

  /**
   * Reads a key as a client presented it. Anything that is not exactly a key this class could have
   * generated is empty: wrong length or prefix, characters outside the alphabets, a secret whose
   * base64url is not the canonical encoding of 32 bytes. The checks depend on the shape only, never
   * on stored secrets.
   */
  public static Optional<ApiKey> parse(String presented) {
    if (presented == null
        || presented.length() != LENGTH
        || !presented.startsWith(PREFIX)
        || presented.charAt(PREFIX.length() + KEY_ID_LENGTH) != '_') {
      return Optional.empty();
    }
    String keyId = presented.substring(PREFIX.length(), PREFIX.length() + KEY_ID_LENGTH);
    String secretText = presented.substring(PREFIX.length() + KEY_ID_LENGTH + 1);
    if (!isKeyId(keyId) || !isBase64Url(secretText)) {
      return Optional.empty();
    }
    byte[] secret;
    try {
      secret = Base64.getUrlDecoder().decode(secretText);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // The decoder ignores the spare low bits of the last character; insisting on the canonical
    // text keeps exactly one spelling of each key.
    if (secret.length != SECRET_BYTES || !ENCODER.encodeToString(secret).equals(secretText)) {
      return Optional.empty();
    }
    return Optional.of(new ApiKey(keyId, secret));
  }

  /** Whether {@code text} has the shape of a key id. */
  public static boolean isKeyId(String text) {
    if (text == null || text.length() != KEY_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64Url(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }

  public String keyId() {
    return keyId;
  }

  /** SHA-256 of the secret, lower-case hex: what a {@link KeyRecord} stores. */
  public String secretHash() {
    return HEX.formatHex(sha256(secret));
  }

  /**
   * Whether this key's secret is the one {@code storedHash} was made from. Compares the digests in
   * time independent of where they differ ({@link MessageDigest#isEqual}); a stored hash that is
   * not 64 hex characters matches nothing.
   */
  public boolean matches(String storedHash) {
    byte[] presented = sha256(secret);
    byte[] stored = decodeHash(storedHash);
    boolean equal = MessageDigest.isEqual(presented, stored == null ? new byte[32] : stored);
    return equal && stored != null;
  }

  /** Whether {@code hash} has the shape of a stored secret hash (64 lower-case hex characters). */
  public static boolean isSecretHash(String hash) {
    return hash != null && hash.length() == 64 && hash.chars().allMatch(ApiKey::isLowerHex);
  }

  private static boolean isLowerHex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
  }

  private static byte[] decodeHash(String hash) {
    return isSecretHash(hash) ? HEX.parseHex(hash) : null;
  }

  /** The whole key, secret included: to show once to whoever created it, never to log. */
  public String reveal() {
    return PREFIX + keyId + "_" + ENCODER.encodeToString(secret);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey key
        && keyId.equals(key.keyId)
        && MessageDigest.isEqual(secret, key.secret);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode();
  }

  /** The key id only: a key in a log line or an exception message must not give the secret away. */
  @Override
  public String toString() {
    return PREFIX + keyId + "_<secret>";
  }
}
