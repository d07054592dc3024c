package io.hivemind.learner.topology;

import io.hivemind.rules.learn.CommunityShares;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.rules.learn.RecordCheck;
import io.hivemind.rules.learn.StatsUpdates;
import io.hivemind.rules.learn.TradeJoin;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityContribution;
import io.hivemind.schema.CommunityDelta;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.ExplicitlyNamed;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.UserPartitioner;
import io.hivemind.schema.WinStats;
import io.hivemind.schema.streams.DecodedSource;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The learning topology: signals and outcomes (keyed by user) → dedup and join → experiences →
 * per-user statistics (same partition, no repartition) and, after each user's capped share ({@link
 * CommunityShares}), community statistics (repartitioned by pattern). Signals and outcomes share
 * the join stores, so the two topics must be co-partitioned: same partition count, same key.
 */
public final class LearnerTopology {

  private final Topics topics;
  private final LearnerSettings settings;
  private final Serde<Signal> signalSerde;
  private final Serde<TradeOutcome> outcomeSerde;
  private final Serde<Experience> experienceSerde;
  private final Serde<StatsKey> statsKeySerde;
  private final Serde<CommunityStatsKey> communityKeySerde;
  private final Serde<WinStats> winStatsSerde;
  private final Serde<Signal> signalStoreSerde;
  private final Serde<TradeOutcome> outcomeStoreSerde;
  private final Serde<WinStats> winStatsStoreSerde;
  private final Serde<CommunityDelta> deltaSerde;

  public LearnerTopology(AvroSerdes serdes, Topics topics, LearnerSettings settings) {
    this.topics = topics;
    this.settings = settings;
    signalSerde = serdes.valueSerde(Signal.class);
    outcomeSerde = serdes.valueSerde(TradeOutcome.class);
    experienceSerde = serdes.valueSerde(Experience.class);
    statsKeySerde = serdes.keySerde(StatsKey.class);
    communityKeySerde = serdes.keySerde(CommunityStatsKey.class);
    winStatsSerde = serdes.valueSerde(WinStats.class);
    // Values only this topology writes and reads (its stores and the repartition topic) leave the
    // registry out; keys keep the registry's bytes, which place them in partitions and stores.
    signalStoreSerde = SelfDescribingSerdes.of(Signal.class, signalSerde.deserializer());
    outcomeStoreSerde = SelfDescribingSerdes.of(TradeOutcome.class, outcomeSerde.deserializer());
    winStatsStoreSerde = SelfDescribingSerdes.of(WinStats.class, winStatsSerde.deserializer());
    deltaSerde =
        SelfDescribingSerdes.of(
            CommunityDelta.class,
            serdes.valueSerde(CommunityContribution.class).deserializer(),
            StatsUpdates::delta);
  }

  public Topology build() {
    StreamsBuilder builder = ExplicitlyNamed.streamsBuilder();
    addStores(builder);
    TradeJoin join = settings.join();

    KStream<String, JoinOutput> fromSignals =
        DecodedSource.stream(
                builder,
                topics.signals,
                "signals",
                signalSerde.deserializer(),
                RecordCheck::problem,
                topics.deadLetters)
            .process(
                () -> new SignalJoinProcessor(join),
                Named.as("signals-join"),
                StoreJoinState.STORES);
    KStream<String, JoinOutput> fromOutcomes =
        DecodedSource.stream(
                builder,
                topics.outcomes,
                "outcomes",
                outcomeSerde.deserializer(),
                RecordCheck::problem,
                topics.deadLetters)
            .process(
                () -> new OutcomeJoinProcessor(join),
                Named.as("outcomes-join"),
                StoreJoinState.STORES);
    KStream<String, Experience> experiences =
        learned(fromSignals.merge(fromOutcomes, Named.as("experiences-merge")));
    experiences.to(
        topics.experiences,
        Produced.with(Serdes.String(), experienceSerde).withName("experiences-sink"));

    experiences
        .process(
            () -> new UserStatsProcessor(settings.halfLife()),
            Named.as("user-stats-aggregate"),
            StoreNames.USER_STATS)
        .to(
            topics.userStats,
            Produced.with(statsKeySerde, winStatsSerde)
                .withStreamPartitioner(new UserPartitioner())
                .withName("user-stats-sink"));

    // The repartition topic is named for what it carries since the influence cap: contributions
    // (the topic of plain experiences before it, "community-stats-by-pattern", is no longer read).
    // A contribution is the compact delta a community statistic learns from, not the experience.
    experiences
        .process(
            () -> new CommunityShareProcessor(new CommunityShares(settings.communityCapPerDay())),
            Named.as("community-shares"),
            StoreNames.COMMUNITY_SHARES)
        .groupByKey(Grouped.with("community-contributions", communityKeySerde, deltaSerde))
        .aggregate(
            () -> null,
            (key, delta, stats) -> StatsUpdates.plus(stats, delta, settings.halfLife()),
            Named.as("community-stats-aggregate"),
            Materialized.<CommunityStatsKey, WinStats, KeyValueStore<Bytes, byte[]>>as(
                    StoreNames.COMMUNITY_STATS)
                .withKeySerde(communityKeySerde)
                .withValueSerde(winStatsStoreSerde))
        .toStream(Named.as("community-stats-changes"))
        .to(
            topics.communityStats,
            Produced.with(communityKeySerde, winStatsSerde).withName("community-stats-sink"));
    return builder.build();
  }

  private void addStores(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.SIGNALS_BY_ID),
            Serdes.String(),
            signalStoreSerde));
    builder.addStateStore(
        Stores.timestampedKeyValueStoreBuilder(
            Stores.persistentTimestampedKeyValueStore(StoreNames.OUTCOMES_PENDING),
            Serdes.String(),
            outcomeStoreSerde));
    for (String index :
        List.of(
            StoreNames.SIGNALS_BY_ARRIVAL,
            StoreNames.OUTCOMES_PENDING_BY_ARRIVAL,
            StoreNames.OUTCOMES_LEARNED_BY_TIME)) {
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(index), Serdes.String(), Serdes.String()));
    }
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.OUTCOMES_WAITING_PER_USER),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.OUTCOMES_LEARNED),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.USER_STATS),
            statsKeySerde,
            winStatsStoreSerde));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.COMMUNITY_SHARES),
            statsKeySerde,
            Serdes.Long()));
  }

  /**
   * The join's results apart: backlogs that became full or stopped being full to the backlog topic
   * (plain string and long, no registry: the gateway reads it), outcomes over the cap to the
   * dead-letter topic, and the experiences, returned.
   */
  private KStream<String, Experience> learned(KStream<String, JoinOutput> joined) {
    joined
        .filter((key, value) -> value instanceof JoinOutput.Backlog, Named.as("backlogs"))
        .mapValues(value -> ((JoinOutput.Backlog) value).value(), Named.as("backlogs-value"))
        .to(
            topics.outcomeBacklogs,
            Produced.with(Serdes.String(), Serdes.Long()).withName("backlogs-sink"));
    joined
        .filter((key, value) -> value instanceof JoinOutput.Refused, Named.as("outcomes-over-cap"))
        .mapValues(
            value -> ((JoinOutput.Refused) value).outcome(), Named.as("outcomes-over-cap-value"))
        .to(
            topics.deadLetters,
            Produced.with(Serdes.String(), outcomeSerde)
                .withName("outcomes-over-cap-dead-letters"));
    return joined
        .filter((key, value) -> value instanceof JoinOutput.Learned, Named.as("learned"))
        .mapValues(value -> ((JoinOutput.Learned) value).experience(), Named.as("learned-value"));
  }
}
