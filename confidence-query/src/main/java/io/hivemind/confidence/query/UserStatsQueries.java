package io.hivemind.confidence.query;

import io.hivemind.confidence.store.CommunityStats;
import io.hivemind.confidence.store.StatsTopology;
import io.hivemind.rules.answer.StatsLookup;
import io.hivemind.schema.RegistryWaits;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.UserPartitioner;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Answers questions about one user where the user's statistics live. */
@ApplicationScoped
public class UserStatsQueries {

  private static final UserPartitioner PARTITIONER = new UserPartitioner();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final Duration retryAfter;
  private final LocalCopies copies;
  private final LagBounds bounds;
  private final CommunityStats community;

  UserStatsQueries(
      KafkaStreams streams,
      @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer,
      @ConfigProperty(name = "hivemind.query.retry-after") Duration retryAfter,
      LocalCopies copies,
      @ConfigProperty(name = "hivemind.query.caught-up-lag") long caughtUpLag,
      @ConfigProperty(name = "hivemind.query.max-stale-lag") long maxStaleLag,
      CommunityStats community) {
    this.streams = streams;
    this.community = community;
    this.self = HostInfo.buildFromEndpoint(applicationServer);
    this.retryAfter = retryAfter;
    this.copies = copies;
    this.bounds = new LagBounds(caughtUpLag, maxStaleLag);
  }

  /**
   * @param forwarded whether another instance forwarded this request here as to the user's owner
   * @param question runs against this instance's stores when it owns the user, or holds a copy that
   *     answers while the owner is away
   */
  public <T> Uni<QueryResult<T>> ask(
      String userId, boolean forwarded, Function<StatsLookup, T> question) {
    Owner owner = ownerOf(userId);
    Supplier<QueryResult<T>> read =
        () ->
            QueryResolver.resolve(
                owner,
                forwarded,
                retryAfter,
                partition ->
                    question.apply(new StoreStatsLookup(streams, partition, false, community)),
                partition ->
                    question.apply(new StoreStatsLookup(streams, partition, true, community)));
    if (!readsHere(owner, forwarded)) {
      return Uni.createFrom().item(read);
    }
    // Read where the request is, the event loop, unless the store's serdes would have to ask the
    // registry (a schema id this process has not read yet, the first key written after a start):
    // that wait is refused here, and only that read runs again on a worker, where it may wait.
    // (A remote owner's fallback read is moved off the loop where it runs, in RoutedAnswers.)
    return Uni.createFrom()
        .item(() -> RegistryWaits.refusedDuring(read))
        .onFailure(RegistryWaits::isRefusal)
        .recoverWithUni(
            () ->
                Uni.createFrom()
                    .item(read)
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
  }

  private static boolean readsHere(Owner owner, boolean forwarded) {
    return owner instanceof Owner.ThisInstance
        || owner instanceof Owner.StaleCopy
        || (forwarded && owner instanceof Owner.OtherInstance);
  }

  private Owner ownerOf(String userId) {
    KafkaStreams.State state = streams.state();
    if (!state.isRunningOrRebalancing()) {
      return new Owner.Unknown("Kafka Streams is " + state);
    }
    try {
      KeyQueryMetadata metadata =
          streams.queryMetadataForKey(
              StatsTopology.USER_STATS_STORE, partitionProbe(userId), PARTITIONER);
      return OwnerRule.decide(state, metadata, self, copies::of, bounds);
    } catch (StreamsException | IllegalStateException e) {
      // the state changed between the check above and the call
      return new Owner.Unknown("metadata not available: " + e.getMessage());
    }
  }

  /**
   * The learner places every statistic of a user by the user id alone, so any key of the user finds
   * the partition; the other fields are placeholders.
   */
  private static StatsKey partitionProbe(String userId) {
    return new StatsKey(userId, "", Side.LONG, 0, "");
  }
}
