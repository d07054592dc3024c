package io.hivemind.analytics.topology;

import io.hivemind.schema.Experience;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.ModelPrediction;

/**
 * What makes a decodable input record unfit for the analytics: each record is counted in the task
 * that owns its key, so it must sit under its own user's key, and an experience is deduplicated by
 * its signal id, so it needs one. The learner writes neither kind (the same rule as its {@code
 * RecordCheck}); such a record comes from a producer outside it and goes to the dead letters.
 */
final class InputCheck {

  private InputCheck() {}

  /** Why the experience cannot be counted, or null when it can. */
  static String problem(String key, Experience experience) {
    if (experience.getSignalId() == null || experience.getSignalId().isBlank()) {
      return "blank signal_id";
    }
    return keyProblem(key, experience.getUserId());
  }

  /** Why the heartbeat cannot be kept, or null when it can. */
  static String problem(String key, Heartbeat heartbeat) {
    return keyProblem(key, heartbeat.getUserId());
  }

  /** Why the prediction cannot be scored, or null when it can. */
  static String problem(String key, ModelPrediction prediction) {
    if (prediction.getSignalId() == null || prediction.getSignalId().isBlank()) {
      return "blank signal_id";
    }
    return keyProblem(key, prediction.getUserId());
  }

  private static String keyProblem(String key, String userId) {
    if (userId == null || userId.isBlank()) {
      return "blank user_id";
    }
    if (!userId.equals(key)) {
      return "key " + key + " is not the record's user_id " + userId;
    }
    return null;
  }
}
