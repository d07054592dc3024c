package io.hivemind.bench.state;

import io.hivemind.learner.topology.LearnerTopology;
import io.hivemind.learner.topology.StoreNames;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The learner's join state under a steady load: the live topology and its RocksDB stores, driven
 * without a broker over simulated months of trades (a signal and its outcome each, some retried,
 * some outcomes without a signal), counting the entries of the join stores at the end of every
 * simulated 10 days. Beside it, in the same run, the baseline: the same log with a retry horizon of
 * ten years, which is the join as it was before it forgot anything.
 *
 * <p>Options: {@code --days N} (default 120), {@code --trades-per-day N} (default 2000).
 */
public final class JoinStateBenchmark {

  private static final List<String> JOIN_STORES =
      List.of(
          StoreNames.SIGNALS_BY_ID,
          StoreNames.SIGNALS_BY_ARRIVAL,
          StoreNames.OUTCOMES_PENDING,
          StoreNames.OUTCOMES_PENDING_BY_ARRIVAL,
          StoreNames.OUTCOMES_WAITING_PER_USER,
          StoreNames.OUTCOMES_LEARNED,
          StoreNames.OUTCOMES_LEARNED_BY_TIME);
  private static final Instant START = Instant.parse("2026-01-05T14:30:00Z");
  private static final Duration NO_FORGETTING = Duration.ofDays(3650);

  /** How many simulated days, and trades a day. */
  public record Settings(int days, int tradesPerDay) {}

  /** Drives the simulated days twice, with the horizon and without, and prints the table. */
  public void run(Settings settings) throws Exception {
    int days = settings.days();
    int perDay = settings.tradesPerDay();
    System.out.printf(
        "join state of the live topology, %d trades a day for %d days (retries 5 %%, lone"
            + " outcomes 2 %%)%n",
        perDay, days);
    List<long[]> bounded =
        drive(LearnerSettings.DEFAULT_RETRY_HORIZON, days, perDay, "retry horizon 31d");
    List<long[]> forever = drive(NO_FORGETTING, days, perDay, "never forgetting (baseline)");
    System.out.printf(
        "%n%6s  %22s  %22s  %8s%n", "day", "entries, 31d horizon", "entries, baseline", "ratio");
    for (int i = 0; i < bounded.size(); i++) {
      long[] b = bounded.get(i);
      long[] f = forever.get(i);
      System.out.printf(
          "%6d  %22s  %22s  %7.2fx%n",
          b[0], String.format("%,d", b[1]), String.format("%,d", f[1]), (double) b[1] / f[1]);
    }
    System.out.printf(
        "%nstate directory at the end: %,d bytes with the horizon, %,d without%n",
        bounded.get(bounded.size() - 1)[2], forever.get(forever.size() - 1)[2]);
  }

  /** [day, entries in the join stores, bytes of the state directory] every 10 simulated days. */
  private static List<long[]> drive(Duration retryHorizon, int days, int perDay, String label)
      throws IOException {
    // RocksDB in memory where the machine has it: the driver flushes the stores after every
    // record, which on a disk measures the disk, not the state
    Path shm = Path.of("/dev/shm");
    Path stateDir =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "hivemind-join-state-bench")
            : Files.createTempDirectory("hivemind-join-state-bench");
    AvroSerdes serdes = AvroSerdes.withoutRegistry();
    Topics topics = Topics.withDefaultPrefix();
    LearnerSettings settings =
        new LearnerSettings(
            Duration.ofHours(24),
            Duration.ofDays(30),
            PatternScheme.v1(),
            LearnerSettings.DEFAULT_COMMUNITY_CAP_PER_DAY,
            LearnerSettings.DEFAULT_MAX_WAITING_OUTCOMES_PER_USER,
            retryHorizon);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "join-state-bench");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    List<long[]> samples = new ArrayList<>();
    long started = System.nanoTime();
    try (TopologyTestDriver driver =
        new TopologyTestDriver(new LearnerTopology(serdes, topics, settings).build(), props)) {
      TestInputTopic<String, Signal> signals =
          driver.createInputTopic(
              topics.signals,
              Serdes.String().serializer(),
              serdes.valueSerde(Signal.class).serializer());
      TestInputTopic<String, TradeOutcome> outcomes =
          driver.createInputTopic(
              topics.outcomes,
              Serdes.String().serializer(),
              serdes.valueSerde(TradeOutcome.class).serializer());
      long step = Duration.ofDays(1).toMillis() / perDay;
      int id = 0;
      for (int day = 1; day <= days; day++) {
        for (int t = 0; t < perDay; t++) {
          Instant time = START.plusMillis(((long) (day - 1) * perDay + t) * step);
          String user = "user-" + (id % 50);
          String signalId = "s-" + id++;
          boolean lone = id % 50 == 0;
          if (!lone) {
            signals.pipeInput(user, signal(user, signalId, time), time);
            if (id % 20 == 0) {
              signals.pipeInput(user, signal(user, signalId, time), time); // a retry
            }
          }
          outcomes.pipeInput(user, outcome(user, signalId, time, id % 3 != 0), time);
        }
        if (day % 10 == 0 || day == days) {
          samples.add(new long[] {day, entries(driver), bytes(stateDir)});
          System.out.printf(
              "  %-28s day %4d of %d, %,d entries (%.0f s)%n",
              label,
              day,
              days,
              samples.get(samples.size() - 1)[1],
              (System.nanoTime() - started) / 1e9);
        }
      }
    } finally {
      delete(stateDir);
    }
    return samples;
  }

  private static long entries(TopologyTestDriver driver) {
    long entries = 0;
    for (String name : JOIN_STORES) {
      KeyValueStore<Object, Object> store = driver.getKeyValueStore(name);
      try (KeyValueIterator<Object, Object> all = store.all()) {
        while (all.hasNext()) {
          all.next();
          entries++;
        }
      }
    }
    return entries;
  }

  private static Signal signal(String user, String id, Instant time) {
    return new Signal(
        id, user, "ES", Side.LONG, 4500.25, time, "vwap_rsi", Map.of("rsi", 34.2, "vwap_z", -2.15));
  }

  private static TradeOutcome outcome(String user, String id, Instant time, boolean win) {
    double pnl = win ? 250 : -125;
    return new TradeOutcome(
        id,
        user,
        "ES",
        Side.LONG,
        4500.0,
        4500.0 + pnl / 50,
        time,
        time.plusSeconds(240),
        1,
        pnl,
        win ? "TARGET" : "STOP",
        false);
  }

  private static long bytes(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(JoinStateBenchmark::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // a RocksDB file compacted away while walking
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
