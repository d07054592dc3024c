package io.hivemind.confidence.query;

import io.hivemind.confidence.store.StatsTopology;
import io.hivemind.schema.Topics;
import io.hivemind.schema.streams.StreamThreadSupervisor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while queries can be served: the app is RUNNING, the community store answers and so
 * does the user store of every partition this instance owns. An instance that owns no partition
 * (more instances than partitions) is still ready: it forwards every user query. Not ready while a
 * stream thread that died waits to be replaced (Kafka Streams still says RUNNING then).
 */
@Readiness
@ApplicationScoped
class QueryableStoresCheck implements HealthCheck {

  private static final String NAME = "hivemind-queryable-stores";

  private final KafkaStreams streams;
  private final String userStatsTopic;
  private final StreamThreadSupervisor supervisor;

  QueryableStoresCheck(KafkaStreams streams, Topics topics, StreamThreadSupervisor supervisor) {
    this.streams = streams;
    this.userStatsTopic = topics.userStats;
    this.supervisor = supervisor;
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
