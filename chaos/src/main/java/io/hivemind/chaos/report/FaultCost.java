package io.hivemind.chaos.report;

import io.hivemind.chaos.fault.FaultWindow;
import io.hivemind.chaos.observe.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one fault cost the bots: the attempts sent from its injection to the next fault's (or the
 * end of the drill), how many got a 503 or no answer at all, and the span from the first of those
 * to the last (the error window).
 */
public record FaultCost(
    FaultWindow window,
    long attempts,
    long unavailable503,
    long noAnswer,
    long otherServerErrors,
    Duration errorWindow) {

  /** One cost per window, each judged over the answers up to the next window (or {@code end}). */
  public static List<FaultCost> of(List<FaultWindow> windows, List<Answer> answers, Instant end) {
    List<FaultCost> costs = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      long from = windows.get(i).injected().toEpochMilli();
      long to =
          i + 1 < windows.size()
              ? windows.get(i + 1).injected().toEpochMilli()
              : end.toEpochMilli();
      long attempts = 0;
      long unavailable = 0;
      long none = 0;
      long other = 0;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (Answer answer : answers) {
        if (answer.sentMillis() < from || answer.sentMillis() >= to) {
          continue;
        }
        attempts++;
        boolean failed = false;
        if (!answer.answered()) {
          none++;
          failed = true;
        } else if (answer.status() == 503) {
          unavailable++;
          failed = true;
        } else if (answer.status() >= 500) {
          other++;
          failed = true;
        }
        if (failed) {
          first = Math.min(first, answer.sentMillis());
          last = Math.max(last, answer.answeredMillis());
        }
      }
      Duration window = first == Long.MAX_VALUE ? Duration.ZERO : Duration.ofMillis(last - first);
      costs.add(new FaultCost(windows.get(i), attempts, unavailable, none, other, window));
    }
    return costs;
  }
}
