package io.hivemind.confidence.query;

import io.hivemind.confidence.store.StatsTopology;
import io.hivemind.schema.Topics;
import io.hivemind.schema.streams.StreamThreadSupervisor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while queries can be served: the app is RUNNING, the community store answers and so
 * does the user store of every partition this instance owns. An instance that owns no partition
 * (more instances than partitions) is still ready: it forwards every user query. Not ready while a
 * stream thread that died waits to be replaced (Kafka Streams still says RUNNING then), and while
 * it catches up: an owned partition whose active copy is more than {@code
 * hivemind.query.caught-up-lag} records behind its end, or not read yet (ADR 17: a new application
 * id reads the whole topic while RUNNING, and answers 503 meanwhile).
 */
@Readiness
@ApplicationScoped
class QueryableStoresCheck implements HealthCheck {

  private static final String NAME = "hivemind-queryable-stores";

  private final KafkaStreams streams;
  private final String userStatsTopic;
  private final StreamThreadSupervisor supervisor;
  private final LocalCopies copies;
  private final LagBounds bounds;

  QueryableStoresCheck(
      KafkaStreams streams,
      Topics topics,
      StreamThreadSupervisor supervisor,
      LocalCopies copies,
      @ConfigProperty(name = "hivemind.query.caught-up-lag") long caughtUpLag,
      @ConfigProperty(name = "hivemind.query.max-stale-lag") long maxStaleLag) {
    this.streams = streams;
    this.userStatsTopic = topics.userStats;
    this.supervisor = supervisor;
    this.copies = copies;
    this.bounds = new LagBounds(caughtUpLag, maxStaleLag);
  }

  @Override
  public HealthCheckResponse call() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      return HealthCheckResponse.named(NAME).down().withData("state", state.name()).build();
    }
    if (supervisor.isWaiting()) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("state", state.name())
          .withData("reason", "a stream thread died and waits to be replaced")
          .build();
    }
    try {
      StoreStatsLookup.communityStore(streams).approximateNumEntries();
      List<Integer> partitions = ownedPartitions();
      for (int partition : partitions) {
        streams
            .store(
                StoreQueryParameters.fromNameAndType(
                        StatsTopology.USER_STATS_STORE, QueryableStoreTypes.keyValueStore())
                    .withPartition(partition))
            .approximateNumEntries();
      }
      for (int partition : partitions) {
        Optional<LocalCopy> copy = copies.of(partition);
        if (copy.isEmpty() || !copy.get().active() || !copy.get().within(bounds.caughtUp())) {
          return HealthCheckResponse.named(NAME)
              .down()
              .withData("state", state.name())
              .withData(
                  "reason",
                  OwnerRule.catchingUp(partition, copy.orElse(LocalCopy.unmeasured(true)), bounds))
              .build();
        }
      }
      return HealthCheckResponse.named(NAME)
          .up()
          .withData("state", state.name())
          .withData("user-stats-partitions", partitions.toString())
          .build();
    } catch (InvalidStateStoreException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("state", state.name())
          .withData("reason", String.valueOf(e.getMessage()))
          .build();
    }
  }

  /** The user-stats partitions this instance's threads are active for. */
  private List<Integer> ownedPartitions() {
    return streams.metadataForLocalThreads().stream()
        .map(ThreadMetadata::activeTasks)
        .flatMap(Set::stream)
        .flatMap(task -> task.topicPartitions().stream())
        .filter(topicPartition -> topicPartition.topic().equals(userStatsTopic))
        .map(TopicPartition::partition)
        .sorted()
        .toList();
  }
}
