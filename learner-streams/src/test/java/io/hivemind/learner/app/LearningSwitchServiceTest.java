package io.hivemind.learner.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.LearningState;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.kafka.ControlPublisher;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.WinStats;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The learner follows the fleet's learning switch on hivemind.control: paused, events wait in Kafka
 * and nothing is learned; resumed, each of them is learned exactly once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class LearningSwitchServiceTest {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private final KafkaStack stack = KafkaStack.shared();
  private final Topics topics = Topics.withDefaultPrefix();
  private final AvroSerdes serdes = AvroSerdes.registry(stack.registryUrl());

  @AfterEach
  void leaveLearningRunning() {
    switchLearning(LearningState.RUNNING);
  }

  @Test
  void shouldQueueEventsWhilePausedAndLearnEachOnceAfterResume() throws Exception {
    switchLearning(LearningState.PAUSED);
    Awaitility.await("learner paused")
        .atMost(BOUND)
        .untilAsserted(
            () -> given().get("/api/learning").then().body("learning", equalTo("PAUSED")));

    String user = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    sendTrades(user, 10, 7);
    Map<StatsKey, WinStats> stats = new ConcurrentHashMap<>();
    StatsKey l0 = new StatsKey(user, "ES", Side.LONG, 0, "v1");
    try (KafkaConsumer<StatsKey, WinStats> consumer = LearnerClients.statsConsumer()) {
      consumer.subscribe(List.of(topics.userStats));
      // while paused, a few seconds of polling see nothing of this user's trades
      Awaitility.await("nothing learned while paused")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> poll(consumer, stats) && !stats.containsKey(l0));

      switchLearning(LearningState.RUNNING);
      Awaitility.await("all ten learned after resume")
          .atMost(BOUND)
          .until(() -> poll(consumer, stats) && trades(stats.get(l0)) == 10);
    }
    assertThat(stats.get(l0).getWins()).isEqualTo(7);
    given().get("/api/learning").then().body("learning", equalTo("RUNNING"));
  }

  private static long trades(WinStats stats) {
    return stats == null ? 0 : stats.getTrades();
  }

  private static boolean poll(
      KafkaConsumer<StatsKey, WinStats> consumer, Map<StatsKey, WinStats> stats) {
    consumer.poll(Duration.ofMillis(200)).forEach(r -> stats.put(r.key(), r.value()));
    return true;
  }

  private void switchLearning(LearningState state) {
    try (ControlPublisher publisher =
        new ControlPublisher(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            topics,
            serdes.valueSerde(SpecificRecord.class).serializer(),
            Duration.ofSeconds(10))) {
      publisher.publish(
          "learning." + state.name().toLowerCase(Locale.ROOT),
          "test",
          Optional.empty(),
          new ControlEntry(
              Scope.GLOBAL,
              new Setting.Learning(state),
              new Provenance(UUID.randomUUID().toString(), Instant.now(), "test", "test")));
    }
  }

  private void sendTrades(String user, int trades, int wins) throws Exception {
    Instant t0 = Instant.parse("2026-11-20T16:32:45Z");
    try (KafkaProducer<String, SpecificRecord> producer = LearnerClients.avroProducer()) {
      for (int i = 0; i < trades; i++) {
        String id = user + "-" + i;
        Instant entry = t0.plusSeconds(60L * i);
        producer.send(
            new ProducerRecord<>(
                topics.signals,
                user,
                new Signal(id, user, "ES", Side.LONG, 4500.0, entry, "vwap_rsi", Map.of())));
        producer.send(
            new ProducerRecord<>(
                topics.outcomes,
                user,
                new TradeOutcome(
                    id,
                    user,
                    "ES",
                    Side.LONG,
                    4500.0,
                    4501.0,
                    entry,
                    entry.plusSeconds(30),
                    1,
                    i < wins ? 50.0 : -25.0,
                    "TARGET",
                    false)));
      }
      producer.flush();
    }
  }
}
