package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.Counts;
import io.hivemind.schema.WinStats;
import java.util.Optional;

/** Turns stored statistics into the evidence the estimator weighs. */
final class WinStatsCounts {

  private WinStatsCounts() {}

  /**
   * The time-decayed counts, so that recent trades weigh more than last year's. Wins are capped at
   * trades because both are sums of floating-point weights and may differ in the last bit.
   */
  static Counts decayed(Optional<WinStats> stats) {
    return stats
        .map(
            s ->
                new Counts(
                    Math.min(s.getDecayedWins(), s.getDecayedTrades()), s.getDecayedTrades()))
        .orElse(Counts.NONE);
  }

  /** The raw number of trades, the figure a bot shows its user ("based on 2,400 trades"). */
  static long trades(Optional<WinStats> stats) {
    return stats.map(WinStats::getTrades).orElse(0L);
  }
}
