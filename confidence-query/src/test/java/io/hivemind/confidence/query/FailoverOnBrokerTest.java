package io.hivemind.confidence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hivemind.confidence.store.CommunityStats;
import io.hivemind.confidence.store.StatsTopology;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.UserPartitioner;
import io.hivemind.schema.WinStats;
import io.hivemind.schema.streams.RestartBackoff;
import io.hivemind.schema.streams.StreamThreadSupervisor;
import io.hivemind.testkit.KafkaStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failover on real Kafka Streams instances of the query's topology, against the test-kit broker and
 * registry (ADR 17): a standby answers, marked stale with its lag, while the user's owner is gone;
 * a clean stop hands the owner's partitions over before the session timeout; and a new application
 * id behind a backlog answers 503 ("catching up") until it has read it, never "0 trades".
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FailoverOnBrokerTest {

  private static final KafkaStack STACK = KafkaStack.shared();
  private static final AvroSerdes SERDES = AvroSerdes.registry(STACK.registryUrl());
  private static final Duration SETTLE = Duration.ofSeconds(90);
  private static final Duration ANSWER = Duration.ofSeconds(10);

  /** Long, so that a hand-over within it was the leaving member's doing, not its expiry. */
  private static final int SESSION_TIMEOUT_MS = 45_000;

  private static final LagBounds BOUNDS = new LagBounds(1000, 1000);

  /**
   * What both services set (application.properties): a stream thread's consumer leaves on close.
   */
  static final String LEAVE_ON_CLOSE =
      StreamsConfig.mainConsumerPrefix("internal.leave.group.on.close");

  private final List<Instance> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    for (Instance instance : instances) {
      instance.copies.stop(null);
      instance.streams.close(Duration.ofSeconds(20));
    }
  }

  @Test
  void shouldAnswerFromTheStandbyMarkedStaleWhileTheOwnerIsGone() {
    Topics topics = topics(2);
    String user = user();
    writeTrades(topics, 2, user, 7);
    String app = application();
    // as a killed process: gone without leaving the group
    Instance one = start(app, topics, 1, Map.of(LEAVE_ON_CLOSE, false));
    Instance two = start(app, topics, 2, Map.of(LEAVE_ON_CLOSE, false));
    int partition = UserPartitioner.partitionOf(user, 2);
    Instance owner = awaitActiveWithStandby(partition, one, two);
    Instance standby = owner == one ? two : one;

    assertThat(owner.ask(user)).isEqualTo(new QueryResult.Local<>(7L));
    // its partitions stay assigned to it until its session expires, and this instance's metadata
    // still names it
    owner.streams.close(Duration.ofSeconds(20));
    QueryResult<Long> asked = standby.ask(user);

    assertThat(asked).isInstanceOf(QueryResult.Remote.class);
    QueryResult.Remote<Long> remote = (QueryResult.Remote<Long>) asked;
    assertThat(remote.port()).isEqualTo(owner.host.port());
    // the owner does not answer: the standby does, marked with its lag (it followed the changelog)
    assertThat(remote.fallback()).isPresent();
    assertThat(remote.fallback().get().get()).isEqualTo(new QueryResult.Stale<>(7L, 0));
    // a request the dead owner's peers forward here is answered the same way, never sent back
    assertThat(standby.askForwarded(user)).isEqualTo(new QueryResult.Stale<>(7L, 0));
  }

  @Test
  void shouldHandTheOwnersPartitionsOverWhenItLeavesOnACleanStop() {
    Topics topics = topics(2);
    String user = user();
    writeTrades(topics, 2, user, 5);
    String app = application();
    Instance one = start(app, topics, 1, Map.of(LEAVE_ON_CLOSE, true));
    Instance two = start(app, topics, 2, Map.of(LEAVE_ON_CLOSE, true));
    int partition = UserPartitioner.partitionOf(user, 2);
    Instance owner = awaitActiveWithStandby(partition, one, two);
    Instance standby = owner == one ? two : one;

    long stopped = System.nanoTime();
    owner.streams.close(Duration.ofSeconds(20));

    await("the standby's instance runs the partition's active task")
        .atMost(Duration.ofMillis(SESSION_TIMEOUT_MS - 15_000))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                standby.streams.metadataForLocalThreads().stream()
                    .flatMap(thread -> thread.activeTasks().stream())
                    .anyMatch(task -> task.taskId().partition() == partition));
    await("the standby's instance answers as the owner")
        .atMost(ANSWER)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> standby.ask(user).equals(new QueryResult.Local<>(5L)));
    assertThat(Duration.ofNanos(System.nanoTime() - stopped))
        .isLessThan(Duration.ofMillis(SESSION_TIMEOUT_MS));
  }

  @Test
  void shouldAnswer503UntilANewApplicationIdHasReadTheBacklogNeverZeroTrades() {
    Topics topics = topics(1);
    String user = user();
    // the user's statistics come last, after a backlog of other users'
    writeBacklog(topics, 30_000);
    writeTrades(topics, 1, user, 42);
    // small fetches, so that reading the backlog takes long enough to be seen; and a caught-up
    // bound wider than the whole backlog: a small lag alone must not make a copy that has not read
    // what it took over answer
    LagBounds wide = new LagBounds(100_000, BOUNDS.maxStale());
    Instance fresh =
        start(
            application(),
            topics,
            1,
            Map.of(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 10,
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                    2048,
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), 2048),
            wide);
    QueryableStoresCheck readiness = readiness(fresh, topics, wide);
    List<QueryResult<Long>> answered = new ArrayList<>();
    AtomicBoolean sawCatchingUp = new AtomicBoolean();
    AtomicBoolean sawNotReadyCatchingUp = new AtomicBoolean();

    await("the right count")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              QueryResult<Long> result = fresh.ask(user);
              if (result instanceof QueryResult.Unavailable<Long> unavailable
                  && unavailable.reason().startsWith("catching up")
                  && fresh.streams.state() == KafkaStreams.State.RUNNING) {
                sawCatchingUp.set(true);
                HealthCheckResponse ready = readiness.call();
                if (ready.getStatus() == HealthCheckResponse.Status.DOWN
                    && String.valueOf(ready.getData().orElseThrow().get("reason"))
                        .startsWith("catching up")) {
                  sawNotReadyCatchingUp.set(true);
                }
              } else {
                answered.add(result);
              }
              return result instanceof QueryResult.Local<Long>;
            });

    assertThat(sawCatchingUp).as("answered 503 while RUNNING and behind").isTrue();
    assertThat(sawNotReadyCatchingUp).as("not ready while catching up").isTrue();
    assertThat(answered)
        .filteredOn(result -> !(result instanceof QueryResult.Unavailable))
        .containsOnly(new QueryResult.Local<>(42L));
    await("ready once caught up")
        .atMost(ANSWER)
        .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.UP);
  }

  /** One query instance: the service's topology, lag measurement and routing, without HTTP. */
  private record Instance(
      KafkaStreams streams, LocalCopies copies, UserStatsQueries queries, HostInfo host) {

    QueryResult<Long> ask(String user) {
      return ask(user, false);
    }

    QueryResult<Long> askForwarded(String user) {
      return ask(user, true);
    }

    private QueryResult<Long> ask(String user, boolean forwarded) {
      return queries
          .ask(user, forwarded, stats -> stats.user(key(user)).map(WinStats::getTrades).orElse(0L))
          .await()
          .atMost(ANSWER);
    }
  }

  private Instance start(String app, Topics topics, int port, Map<String, Object> extra) {
    return start(app, topics, port, extra, BOUNDS);
  }

  private Instance start(
      String app, Topics topics, int port, Map<String, Object> extra, LagBounds bounds) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers());
    config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port);
    config.put(
        StreamsConfig.STATE_DIR_CONFIG,
        Path.of("target", "failover-state", UUID.randomUUID().toString()).toString());
    config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    config.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
    config.putAll(extra);
    CommunityStats community = new CommunityStats();
    KafkaStreams streams =
        new KafkaStreams(new StatsTopology(SERDES, topics, community).build(), config);
    streams.start();
    LocalCopies copies =
        new LocalCopies(streams, new StreamsConfig(config), topics, Duration.ofMillis(200));
    copies.start(null);
    UserStatsQueries queries =
        new UserStatsQueries(
            streams,
            "127.0.0.1:" + port,
            Duration.ofSeconds(1),
            copies,
            bounds.caughtUp(),
            bounds.maxStale(),
            community);
    Instance instance = new Instance(streams, copies, queries, new HostInfo("127.0.0.1", port));
    instances.add(instance);
    return instance;
  }

  /**
   * Waits until one instance runs the partition's active task and the other its standby, caught up.
   */
  private static Instance awaitActiveWithStandby(int partition, Instance one, Instance two) {
    Instance[] owner = new Instance[1];
    await("an active task and its standby, caught up")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (one.streams.state() != KafkaStreams.State.RUNNING
                  || two.streams.state() != KafkaStreams.State.RUNNING) {
                return false;
              }
              Optional<LocalCopy> first = copy(one, partition);
              Optional<LocalCopy> second = copy(two, partition);
              if (first.isEmpty() || second.isEmpty()) {
                return false;
              }
              boolean firstOwns = first.get().active();
              LocalCopy active = firstOwns ? first.get() : second.get();
              LocalCopy standby = firstOwns ? second.get() : first.get();
              owner[0] = firstOwns ? one : two;
              return active.active()
                  && !standby.active()
                  && active.within(0)
                  && standby.within(0)
                  && owner[0].ask(userOn(partition)) instanceof QueryResult.Local<Long>;
            });
    return owner[0];
  }

  private static Optional<LocalCopy> copy(Instance instance, int partition) {
    instance.copies.measure();
    return instance.copies.of(partition);
  }

  private static QueryableStoresCheck readiness(
      Instance instance, Topics topics, LagBounds bounds) {
    StreamThreadSupervisor supervisor =
        new StreamThreadSupervisor(
            new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2)),
            () -> true,
            Duration.ofSeconds(1),
            Clock.systemUTC());
    return new QueryableStoresCheck(
        instance.streams,
        topics,
        supervisor,
        instance.copies,
        bounds.caughtUp(),
        bounds.maxStale());
  }

  private static void writeTrades(Topics topics, int partitions, String user, long trades) {
    try (KafkaProducer<StatsKey, WinStats> producer = producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  topics.userStats,
                  UserPartitioner.partitionOf(user, partitions),
                  key(user),
                  stats(trades)))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not write the user's statistics", e);
    }
  }

  private static void writeBacklog(Topics topics, int records) {
    try (KafkaProducer<StatsKey, WinStats> producer = producer()) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topics.userStats, 0, key("backlog-" + i), stats(1)));
      }
      producer.flush();
    }
  }

  private static KafkaProducer<StatsKey, WinStats> producer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    return new KafkaProducer<>(
        config,
        SERDES.keySerde(StatsKey.class).serializer(),
        SERDES.valueSerde(WinStats.class).serializer());
  }

  private static StatsKey key(String user) {
    return new StatsKey(user, "ES", Side.LONG, 0, "v1");
  }

  private static WinStats stats(long trades) {
    return new WinStats(
        trades,
        trades,
        0L,
        10.0 * trades,
        100.0 * trades,
        (int) trades,
        (int) trades,
        Instant.parse("2026-11-20T14:32:45Z"),
        (double) trades,
        (double) trades,
        0);
  }

  /** A user the first instance's probe asks about: any user of the partition, none written. */
  private static String userOn(int partition) {
    for (int i = 0; ; i++) {
      String candidate = "probe-" + i;
      if (UserPartitioner.partitionOf(candidate, 2) == partition) {
        return candidate;
      }
    }
  }

  private static Topics topics(int partitions) {
    Topics topics = new Topics("failover-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    STACK.createTopics(topics, partitions);
    return topics;
  }

  private static String application() {
    return "hivemind-confidence-query-failover-" + UUID.randomUUID();
  }

  private static String user() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
