package io.hivemind.bench.backlog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What backlog to generate: about {@code events} records (signals, outcomes and their retried
 * copies) from {@code users} bots over the {@code days} before {@code end}. The same spec and seed
 * give the same records.
 *
 * @param duplicateRate share of records sent twice (a bot retrying a POST whose answer it lost)
 * @param earlyOutcomeRate share of trades whose outcome reaches Kafka before their signal
 * @param eventTimeStamps stamp each record with its event time (a backlog that accrued over the
 *     days) instead of leaving it to the producer's clock, as the gateway does
 */
public record BacklogSpec(
    long events,
    int users,
    int days,
    long seed,
    double duplicateRate,
    double earlyOutcomeRate,
    Instant end,
    boolean eventTimeStamps) {

  public BacklogSpec {
    if (events < 2) {
      throw new IllegalArgumentException("--events must be at least 2, got: " + events);
    }
    if (users < 1) {
      throw new IllegalArgumentException("--users must be at least 1, got: " + users);
    }
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1, got: " + days);
    }
    if (duplicateRate < 0 || duplicateRate > 0.5 || earlyOutcomeRate < 0 || earlyOutcomeRate > 1) {
      throw new IllegalArgumentException(
          "duplicate rate must be in [0, 0.5], early rate in [0, 1]");
    }
  }

  /**
   * A backlog as the benchmarks generate it: 1 % of records retried, 2 % of outcomes before their
   * signal, ending two hours before now.
   *
   * @param eventTimeStamps {@code --record-time event} (else {@code now}: as the gateway writes)
   */
  public static BacklogSpec of(
      long events, int users, int days, long seed, boolean eventTimeStamps) {
    return new BacklogSpec(
        events,
        users,
        days,
        seed,
        0.01,
        0.02,
        // the last trades' exits (up to 90 min after entry) still lie in the past: a broker refuses
        // record timestamps more than log.message.timestamp.after.max.ms (1 h) ahead
        Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS),
        eventTimeStamps);
  }
}
