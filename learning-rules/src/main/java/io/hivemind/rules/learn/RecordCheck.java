package io.hivemind.rules.learn;

import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;

/**
 * What makes a decodable signal or outcome record unfit to learn from: the join needs a signal id,
 * and a record must sit under its own user's key (the partition that owns the user).
 */
public final class RecordCheck {

  private RecordCheck() {}

  /** Why the record cannot be learned from, or null when it can. */
  public static String problem(String key, Signal signal) {
    return problem(key, signal.getUserId(), signal.getSignalId());
  }

  /** Why the record cannot be learned from, or null when it can. */
  public static String problem(String key, TradeOutcome outcome) {
    return problem(key, outcome.getUserId(), outcome.getSignalId());
  }

  private static String problem(String key, String userId, String signalId) {
    if (signalId == null || signalId.isBlank()) {
      return "blank signal_id";
    }
    if (!userId.equals(key)) {
      return "key " + key + " is not the record's user_id " + userId;
    }
    return null;
  }
}
