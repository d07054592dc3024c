package io.hivemind.learner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.WinStats;
import io.hivemind.schema.streams.DeadLetterHeaders;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The learner application on a real broker and registry, fed and read as other services do. */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class LearnerServiceTest {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private final Topics topics = Topics.withDefaultPrefix();

  @Inject StreamsConfig streamsConfig;

  @Test
  void shouldKeepAStandbyAndLeaveTheGroupWhenItsConsumersClose() {
    // ADR 17: a stopped learner's tasks move at once, to an instance that already holds their state
    assertThat(streamsConfig.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(
            String.valueOf(
                streamsConfig
                    .getMainConsumerConfigs("group", "client", 0)
                    .get("internal.leave.group.on.close")))
        .isEqualTo("true");
  }

  @Test
  void shouldLearnEachRetriedTradeOnceIntoUserStats() throws Exception {
    String user = "u" + UUID.randomUUID().toString().substring(0, 11);
    Instant t0 = Instant.parse("2026-11-20T16:32:45Z");
    try (KafkaProducer<String, SpecificRecord> producer = LearnerClients.avroProducer()) {
      // every trade sent twice, as a bot retrying each POST; then one NQ trade of the same user
      // (same partition, so learned after the retries) marks the end of the retries
      for (int attempt = 0; attempt < 3; attempt++) {
        for (int i = 0; i < (attempt < 2 ? 5 : 1); i++) {
          String symbol = attempt < 2 ? "ES" : "NQ";
          String id = user + "-" + symbol + i;
          Instant entry = t0.plusSeconds(60L * i);
          producer.send(
              new ProducerRecord<>(
                  topics.signals,
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
          double pnl = i < 3 ? 50 : -25;
          producer.send(
              new ProducerRecord<>(
                  topics.outcomes,
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
      }
      producer.flush();
    }

    StatsKey l0 = new StatsKey(user, "ES", Side.LONG, 0, "v1");
    StatsKey marker = new StatsKey(user, "NQ", Side.LONG, 0, "v1");
    Map<StatsKey, WinStats> latest = new ConcurrentHashMap<>();
    try (KafkaConsumer<StatsKey, WinStats> consumer = LearnerClients.statsConsumer()) {
      consumer.subscribe(List.of(topics.userStats));
      Awaitility.await("user stats of " + user)
          .atMost(BOUND)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> latest.put(r.key(), r.value()));
                return latest.containsKey(marker);
              });
    }
    assertThat(latest.get(l0).getTrades()).isEqualTo(5);
    assertThat(latest.get(l0).getWins()).isEqualTo(3);
    assertThat(latest.get(l0).getPnlSum()).isEqualTo(100.0);
  }

  @Test
  void shouldSendPoisonToTheDeadLetterTopicAndKeepLearning() throws Exception {
    String marker = "poison-" + UUID.randomUUID();
    try (KafkaProducer<String, byte[]> raw = LearnerClients.rawProducer()) {
      raw.send(
              new ProducerRecord<>(
                  topics.outcomes, "someone", marker.getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    try (KafkaConsumer<String, byte[]> consumer = LearnerClients.rawConsumer()) {
      consumer.subscribe(List.of(topics.deadLetters));
      ConsumerRecord<String, byte[]>[] found = new ConsumerRecord[1];
      Awaitility.await("dead letter " + marker)
          .atMost(BOUND)
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  if (marker.equals(new String(r.value(), StandardCharsets.UTF_8))) {
                    found[0] = r;
                  }
                }
                return found[0] != null;
              });
      String reason =
          new String(
              found[0].headers().lastHeader(DeadLetterHeaders.REASON).value(),
              StandardCharsets.UTF_8);
      assertThat(reason).startsWith("not deserializable");
    }
    // the application is still running and learning
    shouldLearnEachRetriedTradeOnceIntoUserStats();
  }
}
