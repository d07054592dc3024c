package io.hivemind.bench.learner;

import io.hivemind.rules.learn.CommunityShares;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.WinStats;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What a learner run wrote, read back committed-only between two offset snapshots: experiences (how
 * many, how many distinct trades, how many matched their signal), user and community stats (how
 * many updates, and the trades their latest level-0 values add up to).
 */
final class OutputCheck {

  /** The sanity figures of one run. */
  record Counts(
      long experiences,
      long distinctTrades,
      long matched,
      long userStatsRecords,
      long userStatsKeys,
      long userLevel0Trades,
      long communityStatsRecords,
      long communityStatsKeys,
      long communityLevel0Trades,
      long communityLevel0Admitted) {

    @Override
    public String toString() {
      return String.format(
          "%,d experiences (%,d distinct trades, %,d matched their signal); user-stats %,d"
              + " records over %,d keys, level-0 trades %,d; community-stats %,d records over %,d"
              + " keys, level-0 trades %,d (the daily share admits %,d)",
          experiences,
          distinctTrades,
          matched,
          userStatsRecords,
          userStatsKeys,
          userLevel0Trades,
          communityStatsRecords,
          communityStatsKeys,
          communityLevel0Trades,
          communityLevel0Admitted);
    }

    /**
     * Every trade learned exactly once, with its signal, into every user statistic, and into the
     * community's as far as each user's daily share admits it (ADR 13; the same rule the learner
     * applies, replayed over the experiences it wrote).
     */
    boolean exactlyOnce(long trades) {
      return experiences == trades
          && distinctTrades == trades
          && matched == trades
          && userLevel0Trades == trades
          && communityLevel0Trades == communityLevel0Admitted;
    }
  }

  private final String bootstrap;
  private final AvroSerdes serdes;
  private final Topics topics;
  private final int communityCapPerDay;

  /** {@code communityCapPerDay}: the run's learner setting, whose share the check replays. */
  OutputCheck(String bootstrap, String registryApi, Topics topics, int communityCapPerDay) {
    this.bootstrap = bootstrap;
    this.serdes = AvroSerdes.registry(registryApi);
    this.topics = topics;
    this.communityCapPerDay = communityCapPerDay;
  }

  Counts count(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
    Deserializer<Experience> experiences = serdes.valueSerde(Experience.class).deserializer();
    Deserializer<StatsKey> statsKeys = serdes.keySerde(StatsKey.class).deserializer();
    Deserializer<CommunityStatsKey> communityKeys =
        serdes.keySerde(CommunityStatsKey.class).deserializer();
    Deserializer<WinStats> winStats = serdes.valueSerde(WinStats.class).deserializer();

    long[] experienceCount = {0, 0};
    Set<String> trades = new HashSet<>();
    // a user's experiences are in one partition, in the order the learner took their shares
    CommunityShares shares = new CommunityShares(communityCapPerDay);
    CommunityShares.Ledger ledger = CommunityShares.Ledger.in(new HashMap<>());
    long[] admittedLevel0 = {0};
    read(
        topics.experiences,
        starts,
        ends,
        record -> {
          Experience experience = experiences.deserialize(record.topic(), record.value());
          experienceCount[0]++;
          if (experience.getSignalMatched()) {
            experienceCount[1]++;
          }
          trades.add(experience.getUserId() + '\u0000' + experience.getSignalId());
          for (CommunityShares.KeyedContribution counted : shares.contribute(experience, ledger)) {
            if (counted.key().getLevel() == 0) {
              admittedLevel0[0]++;
            }
          }
        });
    Map<StatsKey, Long> userLatest = new HashMap<>();
    long userRecords =
        read(
            topics.userStats,
            starts,
            ends,
            record ->
                userLatest.put(
                    statsKeys.deserialize(record.topic(), record.key()),
                    winStats.deserialize(record.topic(), record.value()).getTrades()));
    Map<CommunityStatsKey, Long> communityLatest = new HashMap<>();
    long communityRecords =
        read(
            topics.communityStats,
            starts,
            ends,
            record ->
                communityLatest.put(
                    communityKeys.deserialize(record.topic(), record.key()),
                    winStats.deserialize(record.topic(), record.value()).getTrades()));
    long userLevel0 =
        userLatest.entrySet().stream()
            .filter(e -> e.getKey().getLevel() == 0)
            .mapToLong(Map.Entry::getValue)
            .sum();
    long communityLevel0 =
        communityLatest.entrySet().stream()
            .filter(e -> e.getKey().getLevel() == 0)
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new Counts(
        experienceCount[0],
        trades.size(),
        experienceCount[1],
        userRecords,
        userLatest.size(),
        userLevel0,
        communityRecords,
        communityLatest.size(),
        communityLevel0,
        admittedLevel0[0]);
  }

  private long read(
      String topic,
      Map<TopicPartition, Long> starts,
      Map<TopicPartition, Long> ends,
      java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          ends.keySet().stream().filter(p -> p.topic().equals(topic)).toList();
      consumer.assign(partitions);
      partitions.forEach(p -> consumer.seek(p, starts.getOrDefault(p, 0L)));
      // the end offsets were taken after the run: every committed record lies before them (a
      // transaction marker may be the last offset, so compare positions, not record offsets)
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
            each.accept(record);
            count++;
          }
        }
      }
    }
    return count;
  }
}
