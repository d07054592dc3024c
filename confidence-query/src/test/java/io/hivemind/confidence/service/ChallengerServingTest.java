package io.hivemind.confidence.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.confidence.service.QueryKeys.Key;
import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.learning.model.TradeContext;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.ModelPrediction;
import io.hivemind.schema.ModelProbability;
import io.hivemind.schema.ModelSnapshot;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ADR 22 on a real broker and registry: a challenger version published to the models topic is
 * picked up, served to the canary user the test configuration names ({@code
 * hivemind.ab.challenger-users}) and scored in shadow for everyone else, and each answer about a
 * named signal logs both models' predictions. The only test of this module that publishes a model:
 * the others' users are never on the challenger, so their answers are the pattern model's.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(QueryInstanceResource.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ChallengerServingTest {

  private static final String CANARY = "challenger-canary";
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration VISIBLE = Duration.ofSeconds(30);
  private static final Topics TOPICS = Topics.withDefaultPrefix();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Double> FEATURES = Map.of("rsi", 34.2, "vwap_z", -2.15);

  @BeforeEach
  void awaitReadiness() {
    await("readiness")
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
  }

  @Test
  void shouldServeACanaryTheChallengerAndLogBothModelsPredictions() throws Exception {
    Instant time = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    ChallengerModel challenger = ChallengerModel.withDefaults();
    for (int i = 0; i < 200; i++) {
      TradeContext trade = new TradeContext("teacher-" + (i % 20), "ES", "LONG", time, FEATURES);
      challenger.learn(trade, i % 5 != 0, "teach-" + i);
    }
    publish(challenger);
    double says = challenger.probability(new TradeContext(CANARY, "ES", "LONG", time, FEATURES));
    assertThat(says).isGreaterThan(0.6);

    Key canary = QueryKeys.bot(CANARY);
    String canarySignal = "canary-" + UUID.randomUUID();
    JsonNode served =
        await("the published challenger served to the canary")
            .atMost(VISIBLE)
            .until(
                () -> ask(canary, canarySignal, time),
                body -> "challenger".equals(body.at("/model/name").asText()));
    assertThat(served.at("/model/version").asText()).isEqualTo(challenger.version().label());
    assertThat(served.get("win_probability").asDouble()).isCloseTo(says, within(1e-4));
    assertThat(served.at("/interval/low").asDouble()).isLessThanOrEqualTo(says);
    assertThat(served.at("/interval/high").asDouble()).isGreaterThanOrEqualTo(says);

    Key ordinary = QueryKeys.bot("ordinary-" + UUID.randomUUID().toString().substring(0, 8));
    String ordinarySignal = "ordinary-" + UUID.randomUUID();
    JsonNode patternAnswer = ask(ordinary, ordinarySignal, time);
    assertThat(patternAnswer.at("/model/name").asText()).isEqualTo("pattern");
    assertThat(patternAnswer.at("/model/version").asText()).isEqualTo("v1");

    Map<String, ModelPrediction> logged =
        predictionsOf(List.of(canarySignal, ordinarySignal), VISIBLE);
    ModelPrediction canaryLog = logged.get(canarySignal);
    assertThat(canaryLog.getServed()).isEqualTo("challenger");
    assertThat(canaryLog.getTier()).isEqualTo("elite");
    assertThat(canaryLog.getPredictions())
        .extracting(ModelProbability::getModel)
        .containsExactly("challenger", "pattern");
    assertThat(canaryLog.getPredictions().get(0).getVersion())
        .isEqualTo(challenger.version().label());
    assertThat(canaryLog.getPredictions().get(0).getProbability()).isCloseTo(says, within(1e-9));
    ModelPrediction ordinaryLog = logged.get(ordinarySignal);
    assertThat(ordinaryLog.getServed()).isEqualTo("pattern");
    assertThat(ordinaryLog.getPredictions())
        .extracting(ModelProbability::getModel)
        .containsExactly("pattern", "challenger");
    assertThat(ordinaryLog.getPredictions().get(0).getProbability())
        .isCloseTo(patternAnswer.get("win_probability").asDouble(), within(1e-4));
  }

  private static JsonNode ask(Key key, String signalId, Instant time) throws Exception {
    Map<String, Object> signal = new HashMap<>();
    signal.put("signal_id", signalId);
    signal.put("user_id", key.userId());
    signal.put("symbol", "ES");
    signal.put("side", "LONG");
    signal.put("price", 4500.25);
    signal.put("timestamp", time.toString());
    signal.put("features", FEATURES);
    String body =
        key.given()
            .contentType("application/json")
            .body(JSON.writeValueAsString(signal))
            .post("/api/ml/win_probability")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readTree(body);
  }

  private static void publish(ChallengerModel model) throws Exception {
    KafkaStack stack = KafkaStack.shared();
    ModelSnapshot snapshot =
        ModelSnapshot.newBuilder()
            .setName(model.version().name())
            .setVersion(model.version().label())
            .setExperiences(model.version().experiences())
            .setModel(ByteBuffer.wrap(model.toBytes()))
            .setOffsets(List.of())
            .setPublishedAt(Instant.now())
            .build();
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, ModelSnapshot> producer =
        new KafkaProducer<>(
            config,
            new StringSerializer(),
            AvroSerdes.registry(stack.registryUrl())
                .valueSerde(ModelSnapshot.class)
                .serializer())) {
      producer.send(new ProducerRecord<>(TOPICS.models, "challenger", snapshot)).get();
    }
  }

  /** The predictions logged for {@code signals}, read from the topic's beginning, bounded. */
  private static Map<String, ModelPrediction> predictionsOf(List<String> signals, Duration within) {
    KafkaStack stack = KafkaStack.shared();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "challenger-serving-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    Map<String, ModelPrediction> found = new HashMap<>();
    try (KafkaConsumer<String, ModelPrediction> consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            AvroSerdes.registry(stack.registryUrl())
                .valueSerde(ModelPrediction.class)
                .deserializer())) {
      consumer.subscribe(List.of(TOPICS.predictions));
      Instant deadline = Instant.now().plus(within);
      while (!found.keySet().containsAll(signals) && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, ModelPrediction> record :
            consumer.poll(Duration.ofMillis(500))) {
          if (signals.contains(record.value().getSignalId())) {
            found.put(record.value().getSignalId(), record.value());
          }
        }
      }
    }
    assertThat(found.keySet()).as("predictions logged within %s", within).containsAll(signals);
    return found;
  }
}
