package io.hivemind.confidence.query;

import io.hivemind.confidence.store.StatsTopology;
import io.hivemind.schema.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Measures, every {@code hivemind.query.lag-refresh}, what this instance holds of each user-stats
 * partition and how far behind it is (ADR 17). Measured off the request path, with the broker:
 *
 * <ul>
 *   <li>an active copy by the records of {@code user-stats} past the group's committed offset (what
 *       Kafka Streams has processed, committed every {@code commit.interval.ms}), up to the end a
 *       {@code read_committed} reader sees. Not the consumer's fetch position: Kafka Streams
 *       buffers up to a thousand fetched records per partition before it applies them, and an
 *       answer from a store that has not applied them yet is the "0 trades" this must prevent.
 *       Until it has processed what the partition held when this instance took it over, it is not
 *       settled, whatever its lag ({@link Takeovers});
 *   <li>a standby by the records of the store's changelog it has not applied ({@link
 *       KafkaStreams#allLocalStorePartitionLags()}).
 * </ul>
 *
 * A measurement that fails leaves nothing measured, so nothing answers from a copy that may be
 * behind.
 */
@ApplicationScoped
class LocalCopies {

  private static final Logger LOG = Logger.getLogger(LocalCopies.class);

  private final KafkaStreams streams;
  private final String userStatsTopic;
  private final Duration refresh;
  private final String group;
  private final IsolationLevel isolation;
  private final Admin admin;
  private final Takeovers takeovers = new Takeovers();
  private volatile Map<Integer, LocalCopy> copies = Map.of();
  private ScheduledExecutorService timer;

  /**
   * @param config the Kafka Streams client's own: its application id is the group whose committed
   *     offsets count, and its admin settings (security included) reach the same cluster
   */
  @Inject
  LocalCopies(
      KafkaStreams streams,
      StreamsConfig config,
      Topics topics,
      @ConfigProperty(name = "hivemind.query.lag-refresh") Duration refresh) {
    this.streams = streams;
    this.userStatsTopic = topics.userStats;
    this.refresh = refresh;
    this.group = config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
    Object isolationLevel =
        config
            .getMainConsumerConfigs(group, group + "-copy-lags", 0)
            .get(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
    this.isolation =
        "read_committed".equals(String.valueOf(isolationLevel))
            ? IsolationLevel.READ_COMMITTED
            : IsolationLevel.READ_UNCOMMITTED;
    this.admin = Admin.create(config.getAdminConfigs(group + "-copy-lags"));
  }

  void start(@Observes StartupEvent started) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "hivemind-copy-lags");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::measure, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent stopped) {
    if (timer != null) {
      timer.shutdownNow();
    }
    admin.close(Duration.ZERO);
  }

  /** This instance's copy of {@code partition}, as last measured; empty when it holds none. */
  Optional<LocalCopy> of(int partition) {
    return Optional.ofNullable(copies.get(partition));
  }

  void measure() {
    try {
      copies = measureNow();
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      // not running, or the broker did not answer: nothing is known to be caught up
      LOG.debugf("copy lags not measured: %s", e);
      copies = Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      copies = Map.of();
    }
  }

  private Map<Integer, LocalCopy> measureNow()
      throws ExecutionException, InterruptedException, TimeoutException {
    if (!streams.state().isRunningOrRebalancing()) {
      return Map.of();
    }
    Set<ThreadMetadata> threads = streams.metadataForLocalThreads();
    Set<Integer> active = partitions(threads, true);
    Map<Integer, Long> changelogLags =
        streams
            .allLocalStorePartitionLags()
            .getOrDefault(StatsTopology.USER_STATS_STORE, Map.of())
            .entrySet()
            .stream()
            .collect(
                Collectors.toMap(Map.Entry::getKey, e -> Math.max(0, e.getValue().offsetLag())));
    Map<Integer, Takeovers.Position> positions = positions(active);
    Map<Integer, Long> sourceLags = new HashMap<>();
    positions.forEach(
        (partition, position) ->
            sourceLags.put(partition, Math.max(0, position.end() - position.committed())));
    return CopyLags.combine(
        active, partitions(threads, false), changelogLags, sourceLags, takeovers.settle(positions));
  }

  /**
   * Per active partition, the offset of user-stats this group has processed (committed) and the
   * end.
   */
  private Map<Integer, Takeovers.Position> positions(Set<Integer> active)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (active.isEmpty()) {
      return Map.of();
    }
    long timeout = Math.max(1000, refresh.toMillis() * 4);
    Set<TopicPartition> partitions =
        active.stream().map(p -> new TopicPartition(userStatsTopic, p)).collect(Collectors.toSet());
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(
                Map.of(
                    group,
                    new ListConsumerGroupOffsetsSpec().topicPartitions(List.copyOf(partitions))))
            .partitionsToOffsetAndMetadata(group)
            .get(timeout, TimeUnit.MILLISECONDS);
    Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest(), timeout);
    Set<TopicPartition> uncommitted =
        partitions.stream().filter(tp -> committed.get(tp) == null).collect(Collectors.toSet());
    Map<TopicPartition, Long> starts =
        uncommitted.isEmpty() ? Map.of() : offsets(uncommitted, OffsetSpec.earliest(), timeout);
    Map<Integer, Takeovers.Position> positions = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata done = committed.get(partition);
      long from = done != null ? done.offset() : starts.get(partition);
      positions.put(partition.partition(), new Takeovers.Position(from, ends.get(partition)));
    }
    return positions;
  }

  private Map<TopicPartition, Long> offsets(
      Set<TopicPartition> partitions, OffsetSpec spec, long timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
    partitions.forEach(partition -> asked.put(partition, spec));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listOffsets(asked, new ListOffsetsOptions(isolation))
        .all()
        .get(timeout, TimeUnit.MILLISECONDS)
        .forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  private static Set<Integer> partitions(Set<ThreadMetadata> threads, boolean active) {
    return threads.stream()
        .flatMap(t -> (active ? t.activeTasks() : t.standbyTasks()).stream())
        .map(TaskMetadata::taskId)
        .map(task -> task.partition())
        .collect(Collectors.toSet());
  }
}
