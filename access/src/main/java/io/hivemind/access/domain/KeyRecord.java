package io.hivemind.access.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is stored about one key: never the secret, only its hash, with whose key it is and what it
 * may do. A revoked key keeps its record (so a listing shows when, by whom and why), and never
 * authenticates again.
 *
 * @param secretHash SHA-256 of the secret, lower-case hex ({@link ApiKey#secretHash})
 * @param userId the user every request with this key acts as
 * @param createdBy who issued it (an operator name)
 * @param revokedAt null while the key is valid; {@code revokedBy} and {@code revokeReason} go with
 *     it
 * @param privateUser the key's user is private (the seeds' "private hive mind"): their trades never
 *     reach the community statistics and their confidence has no community prior. Set explicitly
 *     when the key is issued, never implied by the tier.
 */
public record KeyRecord(
    String keyId,
    String secretHash,
    String userId,
    Tier tier,
    Role role,
    Instant createdAt,
    String createdBy,
    Instant revokedAt,
    String revokedBy,
    String revokeReason,
    boolean privateUser) {

  /** The user ids the bot-facing API accepts (and a control scope {@code user:U} can name). */
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private static final int MAX_TEXT = 500;

  public KeyRecord {
    if (!ApiKey.isKeyId(keyId)) {
      throw new IllegalArgumentException("key_id must be " + ApiKey.KEY_ID_LENGTH + " of a-z, 2-7");
    }
    if (!ApiKey.isSecretHash(secretHash)) {
      throw new IllegalArgumentException("secret_hash must be 64 lower-case hex characters");
    }
    if (!isUserId(userId)) {
      throw new IllegalArgumentException(
          "user_id must be 1-64 letters, digits, '.', '_', ':' or '-'");
    }
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "created_at");
    requireText("created_by", createdBy);
    if (revokedAt == null) {
      if (revokedBy != null || revokeReason != null) {
        throw new IllegalArgumentException("revoked_by and revoke_reason need revoked_at");
      }
    } else {
      requireText("revoked_by", revokedBy);
      if (revokeReason != null && revokeReason.length() > MAX_TEXT) {
        throw new IllegalArgumentException("revoke_reason must be at most " + MAX_TEXT + " long");
      }
    }
  }

  /** A record of an ordinary (not private) user's key. */
  public KeyRecord(
      String keyId,
      String secretHash,
      String userId,
      Tier tier,
      Role role,
      Instant createdAt,
      String createdBy,
      Instant revokedAt,
      String revokedBy,
      String revokeReason) {
    this(
        keyId,
        secretHash,
        userId,
        tier,
        role,
        createdAt,
        createdBy,
        revokedAt,
        revokedBy,
        revokeReason,
        false);
  }

  /** The record of a newly issued key of an ordinary (not private) user. */
  public static KeyRecord issue(
      ApiKey key, String userId, Tier tier, Role role, Instant at, String createdBy) {
    return issue(key, userId, tier, role, at, createdBy, false);
  }

  /** The record of a newly issued key; {@code privateUser} as in {@link KeyRecord}. */
  public static KeyRecord issue(
      ApiKey key,
      String userId,
      Tier tier,
      Role role,
      Instant at,
      String createdBy,
      boolean privateUser) {
    return new KeyRecord(
        key.keyId(),
        key.secretHash(),
        userId,
        tier,
        role,
        at,
        createdBy,
        null,
        null,
        null,
        privateUser);
  }

  public static boolean isUserId(String userId) {
    return userId != null && USER_ID.matcher(userId).matches();
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  /** This record, revoked: the record that replaces it on the topic. */
  public KeyRecord revoke(Instant at, String by, String reason) {
    return new KeyRecord(
        keyId, secretHash, userId, tier, role, createdAt, createdBy, at, by, reason, privateUser);
  }

  public Principal principal() {
    return new Principal(userId, tier, role, keyId, privateUser);
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(field + " must be 1-" + MAX_TEXT + " characters");
    }
  }

  /** Without the hash: records end up in logs, and a hash is nobody's business there either. */
  @Override
  public String toString() {
    return "KeyRecord[keyId="
        + keyId
        + ", userId="
        + userId
        + ", tier="
        + tier.wire()
        + ", role="
        + role.wire()
        + ", createdAt="
        + createdAt
        + ", createdBy="
        + createdBy
        + (privateUser ? ", private" : "")
        + (revokedAt == null
            ? ""
            : ", revokedAt=" + revokedAt + ", revokedBy=" + revokedBy + ", reason=" + revokeReason)
        + "]";
  }
}
