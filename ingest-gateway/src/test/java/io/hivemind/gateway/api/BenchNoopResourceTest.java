package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.hivemind.gateway.api.Ingest.post;
import static org.hamcrest.Matchers.equalTo;

import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class BenchNoopResourceTest {

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  @Test
  void shouldAnswerASignalWith202AndPublishNothing() {
    assertNothingPublished(
        probe,
        () ->
            post("/api/bench/noop", Bodies.json(Bodies.signal(Bodies.newUserId())))
                .statusCode(202)
                .body("status", equalTo("noop")));
  }
}
