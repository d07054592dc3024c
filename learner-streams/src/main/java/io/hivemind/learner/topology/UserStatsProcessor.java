package io.hivemind.learner.topology;

import io.hivemind.rules.learn.StatsUpdates;
import io.hivemind.schema.Experience;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Aggregates a user's statistics at every level of an experience. It runs in the task that owns the
 * user's partition, so the statistics need no repartition topic; they are written to {@code
 * user-stats} on the same partition number.
 */
final class UserStatsProcessor implements Processor<String, Experience, StatsKey, WinStats> {

  private final Duration halfLife;
  private ProcessorContext<StatsKey, WinStats> context;
  private KeyValueStore<StatsKey, WinStats> stats;

  UserStatsProcessor(Duration halfLife) {
    this.halfLife = halfLife;
  }

  @Override
  public void init(ProcessorContext<StatsKey, WinStats> context) {
    this.context = context;
    stats = context.getStateStore(StoreNames.USER_STATS);
  }

  @Override
  public void process(Record<String, Experience> record) {
    Experience experience = record.value();
    for (StatsKey key : StatsUpdates.userKeys(experience)) {
      WinStats updated = StatsUpdates.plus(stats.get(key), experience, halfLife);
      stats.put(key, updated);
      context.forward(record.withKey(key).withValue(updated));
    }
  }
}
