package io.hivemind.rules.learn;

/**
 * Key of the join and dedup stores: a signal id is only unique within its user, so two users who
 * both send {@code "1"} never meet.
 */
public final class JoinKey {

  private JoinKey() {}

  public static String of(String userId, String signalId) {
    // NUL cannot occur in a user id the gateway accepts, so the pair cannot be forged
    return userId + '\u0000' + signalId;
  }
}
