package io.hivemind.chaos.observe;

import com.fasterxml.jackson.databind.JsonNode;
import io.hivemind.simulator.bot.AttemptLog;
import io.hivemind.simulator.bot.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every attempt of every bot of a drill, as {@link Answer}s, in the order they were recorded. */
public final class AnswerLog {

  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  /** Where {@code user}'s bot reports its attempts. */
  public AttemptLog of(String user) {
    return attempt -> answers.add(toAnswer(user, attempt));
  }

  /** What was recorded so far. */
  public List<Answer> answers() {
    return new ArrayList<>(answers);
  }

  static Answer toAnswer(String user, AttemptLog.Attempt attempt) {
    String tradingState = null;
    Boolean takeTrade = null;
    boolean problem =
        attempt.contentType() != null
            && attempt
                .contentType()
                .toLowerCase(Locale.ROOT)
                .startsWith("application/problem+json");
    if (attempt.status() >= 200 && attempt.status() < 300 && attempt.body() != null) {
      try {
        JsonNode body = WireJson.mapper().readTree(attempt.body());
        JsonNode state = body.get("trading_state");
        tradingState = state != null && state.isTextual() ? state.asText() : null;
        JsonNode take = body.get("take_trade");
        takeTrade = take != null && take.isBoolean() ? take.asBoolean() : null;
      } catch (Exception e) {
        // not JSON: nothing to read a state from (the oracle looks at statuses only)
      }
    }
    return new Answer(
        user,
        attempt.method() + " " + attempt.path(),
        attempt.sent().toEpochMilli(),
        attempt.answered().toEpochMilli(),
        attempt.status(),
        attempt.retryAfter() != null,
        problem,
        tradingState,
        takeTrade);
  }
}
