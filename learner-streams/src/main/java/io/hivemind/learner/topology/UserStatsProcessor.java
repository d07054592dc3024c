package io.hivemind.learner.topology;

import io.hivemind.learner.domain.ExperienceFactory;
import io.hivemind.learner.domain.WinStatsCodec;
import io.hivemind.learning.stats.TradeResult;
import io.hivemind.schema.Experience;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.time.Duration;
import java.util.List;
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
    TradeResult result = ExperienceFactory.result(experience);
    List<String> patterns = experience.getPatterns();
    for (int level = 0; level < patterns.size(); level++) {
      StatsKey key =
          new StatsKey(
              experience.getUserId(),
              experience.getSymbol(),
              experience.getSide(),
              level,
              patterns.get(level));
      WinStats updated =
          WinStatsCodec.encode(WinStatsCodec.decode(stats.get(key)).plus(result, halfLife));
      stats.put(key, updated);
      context.forward(record.withKey(key).withValue(updated));
    }
  }
}
