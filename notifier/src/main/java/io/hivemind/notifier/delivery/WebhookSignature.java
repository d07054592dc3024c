package io.hivemind.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every delivery: {@code Hivemind-Signature: t=<unix seconds>,v1=<hex>} where v1
 * is HMAC-SHA256, keyed with the subscription's secret, over {@code "<t>.<body>"}. A receiver
 * recomputes it over the raw body and refuses a mismatch or a {@code t} further than its tolerance
 * from its clock (a captured delivery cannot be replayed later); with the event id it drops
 * duplicates. docs/notifications.md shows the check in Python.
 */
public final class WebhookSignature {

  public static final String HEADER = "Hivemind-Signature";

  /** How far a receiver should let {@code t} be from its clock. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: {@code whsec_} and 32 random bytes, base64url. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The header's value for {@code body} sent at {@code at}. */
  public static String sign(String secret, Instant at, String body) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t + "." + body));
  }

  /** What a receiver checks: the signature matches and its time is within the tolerance. */
  public static boolean verify(
      String header, String secret, String body, Instant now, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long t = null;
    byte[] given = null;
    for (String part : header.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      try {
        if (pair[0].equals("t")) {
          t = Long.parseLong(pair[1]);
        } else if (pair[0].equals("v1")) {
          given = HexFormat.of().parseHex(pair[1]);
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (t == null || given == null) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - t) > tolerance.getSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(given, mac(secret, t + "." + body));
  }

  private static byte[] mac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
