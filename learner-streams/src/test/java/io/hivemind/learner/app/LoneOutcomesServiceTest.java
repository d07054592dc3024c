package io.hivemind.learner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.streams.DeadLetterHeaders;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The learner application on a real broker: a user who posts more outcomes without signals than may
 * wait has the excess dead-lettered, is listed in the backlog topic (committed, read as the gateway
 * reads it) and taken off it once a signal arrives.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class LoneOutcomesServiceTest {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final long CAP = LearnerSettings.DEFAULT_MAX_WAITING_OUTCOMES_PER_USER;
  private final Topics topics = Topics.withDefaultPrefix();

  private static TradeOutcome outcome(String user, String id, Instant exit) {
    return new TradeOutcome(
        id,
        user,
        "ES",
        Side.LONG,
        4500.0,
        4501.0,
        exit.minusSeconds(30),
        exit,
        1,
        50.0,
        "TARGET",
        false);
  }

  @Test
  void shouldDeadLetterOutcomesOverTheCapAndListTheUserUntilASignalArrives() throws Exception {
    String user = "u" + UUID.randomUUID().toString().substring(0, 11);
    Instant t0 = Instant.parse("2026-11-20T16:32:45Z");
    String over = user + "-over";
    try (KafkaProducer<String, SpecificRecord> producer = LearnerClients.avroProducer()) {
      for (int i = 0; i < CAP; i++) {
        producer.send(
            new ProducerRecord<>(
                topics.outcomes, user, outcome(user, user + "-" + i, t0.plusMillis(i))));
      }
      producer.send(new ProducerRecord<>(topics.outcomes, user, outcome(user, over, t0)));
      producer.flush();
    }

    try (KafkaConsumer<String, byte[]> letters = LearnerClients.rawConsumer();
        KafkaConsumer<String, byte[]> backlogs = LearnerClients.rawConsumer()) {
      letters.subscribe(List.of(topics.deadLetters));
      backlogs.subscribe(List.of(topics.outcomeBacklogs));
      List<ConsumerRecord<String, byte[]>> listed = new ArrayList<>();
      ConsumerRecord<String, byte[]>[] letter = new ConsumerRecord[1];
      Awaitility.await("the outcome over the cap dead-lettered and " + user + " listed")
          .atMost(BOUND)
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : letters.poll(Duration.ofMillis(100))) {
                  if (user.equals(r.key())) {
                    letter[0] = r;
                  }
                }
                backlogs
                    .poll(Duration.ofMillis(100))
                    .records(topics.outcomeBacklogs)
                    .forEach(
                        r -> {
                          if (user.equals(r.key())) {
                            listed.add(r);
                          }
                        });
                return letter[0] != null && !listed.isEmpty();
              });
      assertThat(
              new String(
                  letter[0].headers().lastHeader(DeadLetterHeaders.REASON).value(),
                  StandardCharsets.UTF_8))
          .isEqualTo(
              CAP
                  + " outcomes of this user are waiting for their signals (at most "
                  + CAP
                  + "); post the signals first");
      assertThat(ByteBuffer.wrap(listed.get(0).value()).getLong()).isEqualTo(CAP);

      try (KafkaProducer<String, SpecificRecord> producer = LearnerClients.avroProducer()) {
        producer
            .send(
                new ProducerRecord<>(
                    topics.signals,
                    user,
                    new Signal(
                        user + "-7", user, "ES", Side.LONG, 4500.0, t0, "vwap_rsi", Map.of())))
            .get();
      }
      Awaitility.await(user + " taken off the backlog topic")
          .atMost(BOUND)
          .until(
              () -> {
                backlogs
                    .poll(Duration.ofMillis(200))
                    .records(topics.outcomeBacklogs)
                    .forEach(
                        r -> {
                          if (user.equals(r.key())) {
                            listed.add(r);
                          }
                        });
                return listed.get(listed.size() - 1).value() == null;
              });
    }
  }
}
