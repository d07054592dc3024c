package io.hivemind.confidence.query;

import io.hivemind.confidence.store.StatsTopology;
import io.hivemind.schema.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Measures, every {@code hivemind.query.lag-refresh}, what this instance holds of each user-stats
 * partition and how far behind it is (ADR 17). Measured off the request path: the changelog lags
 * need a round trip to the broker ({@link KafkaStreams#allLocalStorePartitionLags()}), the source
 * lags are the main consumer's {@code records-lag} metric as of its last fetch. A measurement that
 * fails leaves nothing measured, so nothing answers from a copy that may be behind.
 */
@ApplicationScoped
class LocalCopies {

  private static final Logger LOG = Logger.getLogger(LocalCopies.class);
  private static final String FETCH_METRICS = "consumer-fetch-manager-metrics";

  private final KafkaStreams streams;
  private final String userStatsTopic;
  private final Duration refresh;
  private volatile Map<Integer, LocalCopy> copies = Map.of();
  private ScheduledExecutorService timer;

  LocalCopies(
      KafkaStreams streams,
      Topics topics,
      @ConfigProperty(name = "hivemind.query.lag-refresh") Duration refresh) {
    this.streams = streams;
    this.userStatsTopic = topics.userStats;
    this.refresh = refresh;
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
  }

  /** This instance's copy of {@code partition}, as last measured; empty when it holds none. */
  Optional<LocalCopy> of(int partition) {
    return Optional.ofNullable(copies.get(partition));
  }

  void measure() {
    try {
      copies = measure(streams, userStatsTopic);
    } catch (RuntimeException e) {
      // not running, or the broker did not answer: nothing is known to be caught up
      LOG.debugf("copy lags not measured: %s", e);
      copies = Map.of();
    }
  }

  static Map<Integer, LocalCopy> measure(KafkaStreams streams, String userStatsTopic) {
    if (!streams.state().isRunningOrRebalancing()) {
      return Map.of();
    }
    Set<ThreadMetadata> threads = streams.metadataForLocalThreads();
    Map<Integer, Long> changelogLags =
        streams
            .allLocalStorePartitionLags()
            .getOrDefault(StatsTopology.USER_STATS_STORE, Map.of())
            .entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> lag(e.getValue())));
    return CopyLags.combine(
        partitions(threads, true),
        partitions(threads, false),
        changelogLags,
        sourceLags(streams.metrics(), userStatsTopic));
  }

  private static long lag(LagInfo info) {
    return Math.max(0, info.offsetLag());
  }

  private static Set<Integer> partitions(Set<ThreadMetadata> threads, boolean active) {
    return threads.stream()
        .flatMap(t -> (active ? t.activeTasks() : t.standbyTasks()).stream())
        .map(TaskMetadata::taskId)
        .map(task -> task.partition())
        .collect(Collectors.toSet());
  }

  /**
   * The main consumers' {@code records-lag} per partition of {@code topic} (tagged with the topic's
   * name, and by the deprecated metric with its dots as underscores); the restore and global
   * consumers' are not the active task's.
   */
  static Map<Integer, Long> sourceLags(Map<MetricName, ? extends Metric> metrics, String topic) {
    Map<Integer, Long> lags = new HashMap<>();
    String underscored = topic.replace('.', '_');
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      MetricName name = entry.getKey();
      if (!name.name().equals("records-lag") || !name.group().equals(FETCH_METRICS)) {
        continue;
      }
      Map<String, String> tags = name.tags();
      String client = tags.getOrDefault("client-id", "");
      String tagged = tags.get("topic");
      String partition = tags.get("partition");
      if (!client.endsWith("-consumer")
          || client.endsWith("-restore-consumer")
          || client.endsWith("-global-consumer")
          || partition == null
          || !(topic.equals(tagged) || underscored.equals(tagged))) {
        continue;
      }
      if (entry.getValue().metricValue() instanceof Number value
          && !Double.isNaN(value.doubleValue())) {
        lags.merge(Integer.parseInt(partition), Math.max(0, value.longValue()), Math::max);
      }
    }
    return lags;
  }
}
