package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.TOPICS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each key is held to its tier's event rate (basic: 20 events per second, a bucket of 1,000): a
 * request costs one event, a batch one per item, and nothing of a refused batch is sent.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class RateLimitTest {

  private static final int BASIC_PER_SECOND = 20;
  private static final int BURST = 1_000;

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  /** A full batch of outcomes, as small as the contract allows so that it fits the body limit. */
  private static String outcomes(int count) {
    List<Map<String, Object>> outcomes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> outcome = Bodies.outcome(null);
      outcome.remove("user_id");
      outcome.put("signal_id", Bodies.newId().substring(0, 13));
      outcomes.add(outcome);
    }
    String body = Bodies.json(Map.of("outcomes", outcomes));
    assertThat(body.length()).as("within the body limit").isLessThan(256 * 1024);
    return body;
  }

  private static Response post(Key key, String body) {
    return key.given().contentType(ContentType.JSON).body(body).post("/api/events");
  }

  private static int retryAfter(Response refused) {
    refused
        .then()
        .statusCode(429)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(429));
    return Integer.parseInt(refused.header("Retry-After"));
  }

  /** As a bot sends its buffer: on 429 it waits Retry-After and sends the same batch again. */
  private static void sendAsABot(Key key, String body) throws InterruptedException {
    for (int attempt = 0; attempt < 3; attempt++) {
      Response answer = post(key, body);
      if (answer.statusCode() == 202) {
        return;
      }
      Thread.sleep(retryAfter(answer) * 1_000L);
    }
    throw new AssertionError("a batch of a key that waited as told was still refused");
  }

  /** Issue 12's flood: a basic key posts 25 batches of 1,000 outcomes as fast as it can. */
  @Test
  @Timeout(120)
  void shouldHoldABasicKeysBatchesToItsEventBudget() throws InterruptedException {
    Key basic = TestKeys.standard().mint(TestKeys.newUser(), Tier.BASIC, Role.BOT);
    String batch = outcomes(BURST);
    Map<TopicPartition, Long> before = probe.endOffsets(TOPICS.outcomes);

    sendAsABot(basic, batch);
    long start = System.nanoTime();
    List<Integer> waits = new ArrayList<>();
    for (int i = 1; i < 25; i++) {
      waits.add(retryAfter(post(basic, batch)));
    }
    double flood = (System.nanoTime() - start) / 1e9;
    // a second refills 20 events: enough to be admitted and read, far from enough for the batch
    Thread.sleep(1_000);
    double sinceAccepted = (System.nanoTime() - start) / 1e9;
    Response read = post(basic, batch);
    Map<TopicPartition, Long> after = probe.endOffsets(TOPICS.outcomes);

    assertThat(flood).as("the flood took less than a refill of 1,000 events").isLessThan(40);
    assertThat(waits).as("every refused batch says when to come back").allMatch(w -> w >= 1);
    // 1,000 events at 20 a second, less what refilled since the bucket was emptied
    int refilled = (int) Math.ceil(sinceAccepted);
    assertThat(retryAfter(read))
        .as("the wait until the bucket holds the batch again")
        .isBetween(BURST / BASIC_PER_SECOND - refilled - 1, BURST / BASIC_PER_SECOND);
    read.then().body("detail", containsString("1000 events"));
    int appended = (int) TopicProbe.appended(TOPICS.outcomes, before, after);
    long basicsOutcomes =
        probe.recordsFrom(TOPICS.outcomes, before, appended).stream()
            .filter(record -> record.key().equals(basic.userId()))
            .count();
    assertThat(basicsOutcomes).as("only the batch accepted reached the topic").isEqualTo(BURST);
  }

  @Test
  @Timeout(60)
  void shouldChargeARequestOneEventAfterABatchSpentTheRest() throws Exception {
    Key basic = TestKeys.standard().mint(TestKeys.newUser(), Tier.BASIC, Role.BOT);
    // the bucket refills from the moment the batch is charged, before its answer comes back
    long start = System.nanoTime();
    sendAsABot(basic, outcomes(BURST - 10));

    // several clients at once, so that the requests outpace the refill even on a busy machine
    AtomicInteger passed = new AtomicInteger();
    AtomicReference<Response> refused = new AtomicReference<>();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        tasks.add(
            () -> {
              for (int i = 0; i < 50 && refused.get() == null; i++) {
                Response answer = basic.given().get("/api/maintenance/status");
                if (answer.statusCode() == 429) {
                  refused.compareAndSet(null, answer);
                } else if (answer.statusCode() == 200) {
                  passed.incrementAndGet();
                }
              }
              return null;
            });
      }
      for (Future<Void> done : clients.invokeAll(tasks)) {
        done.get();
      }
    } finally {
      clients.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(refused.get()).as("a 429 within 400 requests").isNotNull();
    assertThat(passed.get())
        .as("what the batch left (10), then 20 a second: the batch cost its 990 events")
        .isBetween(9, 10 + (int) Math.ceil(seconds * BASIC_PER_SECOND) + 8);
    assertThat(retryAfter(refused.get())).as("one event refills in 1/20 s").isEqualTo(1);
    // another key's bucket is its own
    TestKeys.bot().given().get("/api/maintenance/status").then().statusCode(200);
    // and this one refills: an event within 1/20 s, well within the bound
    Awaitility.await("the basic key's bucket refilled")
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> basic.given().get("/api/maintenance/status").statusCode() == 200);
  }
}
