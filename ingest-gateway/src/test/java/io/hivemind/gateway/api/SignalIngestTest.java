package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.TOPICS;
import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.hivemind.gateway.api.Ingest.assertProblem;
import static io.hivemind.gateway.api.Ingest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.UserPartitioner;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class SignalIngestTest {

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  private void assertRefused(Map<String, Object> signal, String field) {
    assertRefused(Bodies.json(signal), field);
  }

  private void assertRefused(String body, String field) {
    assertNothingPublished(probe, () -> assertProblem(post("/api/signals", body), 400, field));
  }

  @Test
  void shouldPublishAValidSignalKeyedByUserOnceAcknowledged() {
    String userId = Ingest.user();
    Map<String, Object> body = Bodies.signal(userId);

    JsonPath answer =
        post("/api/signals", Bodies.json(body))
            .statusCode(202)
            .body("status", equalTo("accepted"))
            .body("signal_id", equalTo(body.get("signal_id")))
            .extract()
            .jsonPath();

    ConsumerRecord<String, SpecificRecord> record =
        probe.recordAt(TOPICS.signals, answer.getInt("partition"), answer.getLong("offset"));
    assertThat(record.key()).isEqualTo(userId);
    assertThat(record.partition())
        .isEqualTo(UserPartitioner.partitionOf(userId, KafkaStackResource.PARTITIONS));
    Signal signal = (Signal) record.value();
    assertThat(signal.getSignalId()).isEqualTo(body.get("signal_id"));
    assertThat(signal.getUserId()).isEqualTo(userId);
    assertThat(signal.getSymbol()).isEqualTo("ES");
    assertThat(signal.getSide()).isEqualTo(Side.LONG);
    assertThat(signal.getPrice()).isEqualTo(4500.25);
    assertThat(signal.getTimestamp()).isEqualTo(Instant.parse((String) body.get("timestamp")));
    assertThat(signal.getStrategy()).isEqualTo("vwap_rsi");
    assertThat(signal.getFeatures()).isEqualTo(Map.of("rsi", 34.2, "vwap_z", -2.15));
  }

  @Test
  void shouldRefuseASidewaysSide() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put("side", "SIDEWAYS");
    assertRefused(signal, "side");
  }

  /** The user id may be left out (the key says whose it is); the signal id may not. */
  @Test
  void shouldRefuseASignalWithoutASignalId() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.remove("signal_id");
    signal.remove("user_id");
    assertNothingPublished(
        probe,
        () ->
            assertProblem(post("/api/signals", Bodies.json(signal)), 400, "signal_id")
                .body("violations.field", not(hasItem("user_id"))));
  }

  @Test
  void shouldRefuseNanAsAJsonLiteral() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put("price", "NAN_HERE");
    assertRefused(Bodies.json(signal).replace("\"NAN_HERE\"", "NaN"), "price");
  }

  @Test
  void shouldRefuseANegativePrice() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put("price", -4500.25);
    assertRefused(signal, "price");
  }

  @Test
  void shouldRefuseAPriceOfTheWrongType() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put("price", "cheap");
    assertRefused(signal, "price");
  }

  @Test
  void shouldRefuseATimestampAnHourInTheFuture() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put("timestamp", Bodies.minutesAgo(-60));
    assertRefused(signal, "timestamp");
  }

  @Test
  void shouldRefuseAMalformedSymbol() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put("symbol", "es-mini!");
    assertRefused(signal, "symbol");
  }

  @Test
  void shouldRefuseMalformedJsonNamingTheBody() {
    assertRefused("{\"signal_id\":\"s1\",,}", "body");
  }

  @Test
  void shouldRefuseAnEmptyBodyNamingTheBody() {
    assertRefused("", "body");
  }
}
