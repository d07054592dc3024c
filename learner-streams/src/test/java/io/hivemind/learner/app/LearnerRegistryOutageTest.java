package io.hivemind.learner.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.WinStats;
import io.hivemind.schema.streams.StreamThreadSupervisor;
import io.hivemind.testkit.RegistryOutageResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The learner started while the schema registry cannot be reached: its serdes have never seen a
 * schema, and every record it reads needs one. Nothing it read may turn into a dead letter or be
 * learned twice; once the registry is back, every outcome is learned exactly once. The registry
 * keeps running behind a proxy that refuses connections, so it keeps its schema ids.
 */
@QuarkusTest
@TestProfile(OwnTopicsProfile.StartedDuringOutage.class)
class LearnerRegistryOutageTest {

  static final String PREFIX = "registry-outage.";
  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final Instant T0 = Instant.parse("2026-11-20T16:32:45Z");

  private final Topics topics = new Topics(PREFIX);

  @Inject StreamThreadSupervisor supervisor;

  @Test
  void shouldLearnEveryOutcomeOnceAndDeadLetterOnlyPoisonWhenStartedDuringARegistryOutage()
      throws Exception {
    String user = "u" + UUID.randomUUID().toString().substring(0, 11);
    String poison = "poison-" + UUID.randomUUID();
    try (KafkaProducer<String, SpecificRecord> producer = LearnerClients.avroProducer();
        KafkaProducer<String, byte[]> raw = LearnerClients.rawProducer()) {
      // five ES trades (three wins), each sent twice as a retrying bot does, then poison, then
      // one NQ trade whose statistics mark that everything before it was learned
      for (int attempt = 0; attempt < 2; attempt++) {
        for (int i = 0; i < 5; i++) {
          sendTrade(producer, user, "ES", i, i < 3 ? 50 : -25);
        }
      }
      producer.flush();
      raw.send(
              new ProducerRecord<>(
                  topics.outcomes,
                  null,
                  T0.plusSeconds(600).toEpochMilli(),
                  user,
                  poison.getBytes(StandardCharsets.UTF_8)))
          .get();
      sendTrade(producer, user, "NQ", 9, 50);
      producer.flush();
    }

    // the learner reads the first record, cannot reach the registry, and fails closed
    Awaitility.await("a stream thread waiting for the registry")
        .atMost(BOUND)
        .until(supervisor::isWaiting);
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/health/ready").then().statusCode(503);
    assertThat(committed(topics.deadLetters)).isEmpty();
    assertThat(committed(topics.userStats)).isEmpty();
    assertThat(committed(topics.experiences)).isEmpty();

    RegistryOutageResource.proxy().forward();

    Map<StatsKey, WinStats> latest = new HashMap<>();
    StatsKey es = new StatsKey(user, "ES", Side.LONG, 0, "v1");
    StatsKey marker = new StatsKey(user, "NQ", Side.LONG, 0, "v1");
    try (KafkaConsumer<StatsKey, WinStats> consumer = LearnerClients.statsConsumer()) {
      consumer.subscribe(List.of(topics.userStats));
      Awaitility.await("user stats of " + user + " after the outage")
          .atMost(BOUND)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> latest.put(r.key(), r.value()));
                return latest.containsKey(marker);
              });
    }
    assertThat(latest.get(es).getTrades()).isEqualTo(5);
    assertThat(latest.get(es).getWins()).isEqualTo(3);
    assertThat(latest.get(marker).getTrades()).isEqualTo(1);
    assertThat(committed(topics.deadLetters))
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly(poison);
    assertThat(supervisor.replacements()).isPositive();
    Awaitility.await("ready again")
        .atMost(BOUND)
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
  }

  private void sendTrade(
      KafkaProducer<String, SpecificRecord> producer,
      String user,
      String symbol,
      int i,
      double pnl) {
    String id = user + "-" + symbol + i;
    Instant entry = T0.plusSeconds(60L * i);
    producer.send(
        new ProducerRecord<>(
            topics.signals,
            null,
            entry.toEpochMilli(),
            user,
            new Signal(
                id,
                user,
                symbol,
                Side.LONG,
                4500.0,
                entry,
                "vwap_rsi",
                Map.of("rsi", 30.0, "vwap_z", -2.2))));
    producer.send(
        new ProducerRecord<>(
            topics.outcomes,
            null,
            entry.plusSeconds(30).toEpochMilli(),
            user,
            new TradeOutcome(
                id,
                user,
                symbol,
                Side.LONG,
                4500.0,
                4501.0,
                entry,
                entry.plusSeconds(30),
                1,
                pnl,
                "TARGET",
                false)));
  }

  /** Every committed record of {@code topic}, read to its last stable offset. */
  private static List<ConsumerRecord<String, byte[]>> committed(String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = LearnerClients.rawConsumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Awaitility.await("committed records of " + topic)
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
              });
    }
    return records;
  }
}
