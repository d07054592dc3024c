package io.hivemind.bench.restore;

import io.hivemind.bench.backlog.BacklogGenerator;
import io.hivemind.bench.backlog.BacklogWriter;
import io.hivemind.bench.backlog.Progress;
import io.hivemind.learning.pattern.TradingSession;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.UserPartitioner;
import io.hivemind.schema.WinStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the learner's output state directly: distinct user-stats rows (StatsKey → WinStats) on the
 * user's partition, as the learner's {@link UserPartitioner} places them, and community-stats rows.
 * The last rows written belong to a probe user on the last partition, whose level-0 totals tell
 * when a reader has restored everything.
 */
final class StatsRowsWriter {

  static final List<String> SYMBOLS = List.of("ES", "NQ", "CL", "GC");

  /** What was written, and what the probe user's {@code /api/ml/stats} must answer. */
  record Written(
      long userRows,
      long communityRows,
      int users,
      String probeUser,
      String probeSymbol,
      long probeTrades) {}

  private StatsRowsWriter() {}

  /** Every pattern of scheme v1 for one (symbol, side), level by level: L0, six L1, then L2. */
  static List<String[]> patterns() {
    List<String[]> patterns = new ArrayList<>();
    patterns.add(new String[] {"0", "v1"});
    for (TradingSession session : TradingSession.values()) {
      patterns.add(new String[] {"1", "v1/" + session.label()});
    }
    for (int rsi = 0; rsi <= 19; rsi++) {
      for (int vz = -8; vz <= 7; vz++) {
        for (TradingSession session : TradingSession.values()) {
          patterns.add(new String[] {"2", "v1/" + session.label() + "/rsi" + rsi + "/vz" + vz});
        }
      }
    }
    return patterns;
  }

  static Written write(
      Topics topics,
      int partitions,
      long rows,
      int rowsPerUser,
      int communityRows,
      String bootstrap,
      String registryApi) {
    AvroSerdes serdes = AvroSerdes.registry(registryApi);
    Serializer<StatsKey> statsKeys = serdes.keySerde(StatsKey.class).serializer();
    Serializer<CommunityStatsKey> communityKeys =
        serdes.keySerde(CommunityStatsKey.class).serializer();
    Serializer<WinStats> values = serdes.valueSerde(WinStats.class).serializer();
    List<String[]> patterns = patterns();
    SplittableRandom random = new SplittableRandom(7);
    AtomicReference<Exception> failure = new AtomicReference<>();
    Progress progress = new Progress("stats rows", rows + communityRows, 2_000);
    String probeUser = probeUser(partitions);
    int perSide = Math.max(1, rowsPerUser / 4);
    long written = 0;
    int users = 0;
    long probeTrades = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            BacklogWriter.producerSettings(bootstrap, "hivemind-bench-restore"),
            new org.apache.kafka.common.serialization.ByteArraySerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      // the probe user's own rows: two sides of one symbol, level 0 to 2
      int probeRows = Math.min(2 * perSide, (int) Math.min(Integer.MAX_VALUE, rows));
      long regular = rows - probeRows;
      while (written < regular) {
        String user = BacklogGenerator.userId(-1, users++);
        int partition = UserPartitioner.partitionOf(user, partitions);
        for (int s = 0; s < 4 && written < regular; s++) {
          String symbol = SYMBOLS.get((users + s / 2) % SYMBOLS.size());
          Side side = s % 2 == 0 ? Side.LONG : Side.SHORT;
          for (int p = 0; p < perSide && p < patterns.size() && written < regular; p++) {
            send(
                producer,
                topics,
                statsKeys,
                values,
                partition,
                user,
                symbol,
                side,
                patterns.get(p),
                stats(random, 1 + random.nextInt(400)),
                failure);
            written++;
          }
        }
        progress.update(written, "");
      }
      int probePartition = UserPartitioner.partitionOf(probeUser, partitions);
      for (int i = 0; i < probeRows; i++) {
        Side side = i < probeRows / 2 || probeRows == 1 ? Side.LONG : Side.SHORT;
        String[] pattern = patterns.get(side == Side.LONG ? i : i - probeRows / 2);
        long trades = 100 + i;
        if (pattern[0].equals("0")) {
          probeTrades += trades;
        }
        send(
            producer,
            topics,
            statsKeys,
            values,
            probePartition,
            probeUser,
            "ES",
            side,
            pattern,
            stats(random, trades),
            failure);
        written++;
      }
      // the community's statistics: every (symbol, side, pattern), up to communityRows
      long community = 0;
      outer:
      for (String symbol : SYMBOLS) {
        for (Side side : Side.values()) {
          for (String[] pattern : patterns) {
            if (community >= communityRows) {
              break outer;
            }
            CommunityStatsKey key =
                new CommunityStatsKey(symbol, side, Integer.parseInt(pattern[0]), pattern[1]);
            producer.send(
                new ProducerRecord<>(
                    topics.communityStats,
                    communityKeys.serialize(topics.communityStats, key),
                    values.serialize(
                        topics.communityStats, stats(random, 1000 + random.nextInt(50_000)))),
                (metadata, error) -> {
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  }
                });
            community++;
          }
        }
      }
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException("writing stats rows failed", failure.get());
      }
      progress.finish(written + community, "written, acks=all");
      return new Written(written, community, users + 1, probeUser, "ES", probeTrades);
    }
  }

  /** A user id (the same shape as a bot's) whose statistics live on the last partition. */
  static String probeUser(int partitions) {
    for (int i = 0; ; i++) {
      String candidate = BacklogGenerator.userId(-2, i);
      if (UserPartitioner.partitionOf(candidate, partitions) == partitions - 1) {
        return candidate;
      }
    }
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer,
      Topics topics,
      Serializer<StatsKey> keys,
      Serializer<WinStats> values,
      int partition,
      String user,
      String symbol,
      Side side,
      String[] pattern,
      WinStats stats,
      AtomicReference<Exception> failure) {
    StatsKey key = new StatsKey(user, symbol, side, Integer.parseInt(pattern[0]), pattern[1]);
    producer.send(
        new ProducerRecord<>(
            topics.userStats,
            partition,
            keys.serialize(topics.userStats, key),
            values.serialize(topics.userStats, stats)),
        (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
  }

  private static WinStats stats(SplittableRandom random, long trades) {
    long wins = Math.round(trades * (0.4 + random.nextDouble() * 0.2));
    double pnl = (wins - (trades - wins)) * 50.0;
    return WinStats.newBuilder()
        .setTrades(trades)
        .setWins(wins)
        .setLosses(trades - wins)
        .setPnlSum(pnl)
        .setPnlSumSquares(trades * 2500.0)
        .setCurrentStreak(random.nextInt(9) - 4)
        .setBestStreak(4 + random.nextInt(6))
        .setLastEventTime(Instant.ofEpochMilli(1_790_000_000_000L + random.nextInt(1_000_000_000)))
        .setDecayedWins(wins * 0.8)
        .setDecayedTrades(trades * 0.8)
        .build();
  }
}
