package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.TOPICS;
import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.hivemind.gateway.api.Ingest.assertProblem;
import static io.hivemind.gateway.api.Ingest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class EventBatchIngestTest {

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  private static List<Map<String, Object>> signals(String userId, int count) {
    List<Map<String, Object>> signals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signals.add(Bodies.signal(userId));
    }
    return signals;
  }

  @Test
  void shouldPublishEveryItemOfABatch() {
    String userId = Ingest.user();
    List<Map<String, Object>> signals = signals(userId, 7);
    List<Map<String, Object>> outcomes = List.of(Bodies.outcome(userId), Bodies.outcome(userId));
    Map<TopicPartition, Long> before = probe.endOffsets(TOPICS.signals, TOPICS.outcomes);

    post("/api/events", Bodies.json(Map.of("signals", signals, "outcomes", outcomes)))
        .statusCode(202)
        .body("status", equalTo("accepted"))
        .body("signals", equalTo(7))
        .body("outcomes", equalTo(2));

    List<String> signalIds =
        probe.recordsFrom(TOPICS.signals, before, 7).stream()
            .peek(record -> assertThat(record.key()).isEqualTo(userId))
            .map(record -> ((Signal) record.value()).getSignalId())
            .toList();
    assertThat(signalIds)
        .as("in the order sent: one user, one partition")
        .containsExactlyElementsOf(signals.stream().map(s -> (String) s.get("signal_id")).toList());
    List<String> outcomeIds =
        probe.recordsFrom(TOPICS.outcomes, before, 2).stream()
            .map(record -> ((TradeOutcome) record.value()).getSignalId())
            .toList();
    assertThat(outcomeIds)
        .containsExactly(
            (String) outcomes.get(0).get("signal_id"), (String) outcomes.get(1).get("signal_id"));
  }

  @Test
  void shouldRefuseTheWholeBatchWhenOneItemIsBad() {
    String userId = Ingest.user();
    List<Map<String, Object>> signals = signals(userId, 5);
    signals.get(3).put("side", "SIDEWAYS");
    String body =
        Bodies.json(Map.of("signals", signals, "outcomes", List.of(Bodies.outcome(userId))));

    assertNothingPublished(
        probe, () -> assertProblem(post("/api/events", body), 400, "signals[3].side"));
  }

  @Test
  void shouldNameTheBatchItemHoldingNan() {
    List<Map<String, Object>> signals = signals(Ingest.user(), 3);
    signals.get(2).put("price", "NAN_HERE");
    String body = Bodies.json(Map.of("signals", signals)).replace("\"NAN_HERE\"", "NaN");

    assertNothingPublished(
        probe, () -> assertProblem(post("/api/events", body), 400, "signals[2].price"));
  }

  @Test
  void shouldRefuseAnEmptyBatch() {
    assertNothingPublished(
        probe,
        () -> assertProblem(post("/api/events", "{\"signals\":[],\"outcomes\":[]}"), 400, "body"));
  }
}
