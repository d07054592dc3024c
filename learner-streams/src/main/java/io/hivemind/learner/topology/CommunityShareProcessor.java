package io.hivemind.learner.topology;

import io.hivemind.rules.learn.CommunityShares;
import io.hivemind.rules.learn.CommunityShares.KeyedContribution;
import io.hivemind.schema.CommunityDelta;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.StatsKey;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies {@link CommunityShares} where the user's experiences are, before the repartition by
 * pattern: an experience goes on to each community statistic its user still has a share of today,
 * marked when it is the user's first there.
 */
final class CommunityShareProcessor
    implements Processor<String, Experience, CommunityStatsKey, CommunityDelta> {

  private final CommunityShares shares;
  private ProcessorContext<CommunityStatsKey, CommunityDelta> context;
  private CommunityShares.Ledger ledger;

  CommunityShareProcessor(CommunityShares shares) {
    this.shares = shares;
  }

  @Override
  public void init(ProcessorContext<CommunityStatsKey, CommunityDelta> context) {
    this.context = context;
    KeyValueStore<StatsKey, Long> store = context.getStateStore(StoreNames.COMMUNITY_SHARES);
    ledger =
        new CommunityShares.Ledger() {
          @Override
          public Long get(StatsKey key) {
            return store.get(key);
          }

          @Override
          public void put(StatsKey key, long share) {
            store.put(key, share);
          }
        };
  }

  @Override
  public void process(Record<String, Experience> record) {
    for (KeyedContribution counted : shares.contribute(record.value(), ledger)) {
      context.forward(record.withKey(counted.key()).withValue(counted.contribution()));
    }
  }
}
