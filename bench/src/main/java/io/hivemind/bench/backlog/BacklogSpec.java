package io.hivemind.bench.backlog;

import io.hivemind.bench.BenchOptions;
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
      throw new Options.BadOption("--events must be at least 2, got: " + events);
    }
    if (users < 1) {
      throw new Options.BadOption("--users must be at least 1, got: " + users);
    }
    if (days < 1) {
      throw new Options.BadOption("--days must be at least 1, got: " + days);
    }
    if (duplicateRate < 0 || duplicateRate > 0.5 || earlyOutcomeRate < 0 || earlyOutcomeRate > 1) {
      throw new Options.BadOption("duplicate rate must be in [0, 0.5], early rate in [0, 1]");
    }
  }

  /**
   * {@code --events} (1,000,000), {@code --users} (2,000), {@code --days} (20), {@code --seed}
   * (42), {@code --record-time now|event} (now: as the gateway writes them).
   */
  public static BacklogSpec from(BenchOptions options) {
    return new BacklogSpec(
        Options.longValue(options, "events", 1_000_000, 2),
        Options.integer(options, "users", 2_000, 1, 10_000_000),
        Options.integer(options, "days", 20, 1, 3650),
        Options.longValue(options, "seed", 42, Long.MIN_VALUE),
        0.01,
        0.02,
        // the last trades' exits (up to 90 min after entry) still lie in the past: a broker refuses
        // record timestamps more than log.message.timestamp.after.max.ms (1 h) ahead
        Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS),
        Options.choice(options, "record-time", "now", "now", "event").equals("event"));
  }
}
