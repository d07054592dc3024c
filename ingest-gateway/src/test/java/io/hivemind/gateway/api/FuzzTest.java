package io.hivemind.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.botapi.ValidationLimits;
import io.hivemind.botapi.Violation;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
import io.hivemind.gateway.api.FuzzRequests.Planned;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.testkit.KafkaStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 6's fuzz test: at least 10,000 random and mutated requests over real HTTP to a gateway on a
 * real broker, with topics of its own. No answer may be a 5xx, every error is problem+json, and
 * afterwards every record on the gateway's topics is a valid record of its topic's type, written
 * for a request that was answered 202, and there are exactly as many as the 202s promised.
 *
 * <p>The run is named by its seed: {@code -Dhivemind.fuzz.seed=<n>} replays it ({@code
 * -Dhivemind.fuzz.requests=<n>} sets its size).
 */
@QuarkusTest
@TestProfile(FuzzTest.OwnTopics.class)
class FuzzTest {

  private static final Logger LOG = Logger.getLogger(FuzzTest.class);

  static final Topics TOPICS = new Topics("fuzz.");
  static final long SEED = Long.getLong("hivemind.fuzz.seed", 20261121L);
  static final int REQUESTS = Integer.getInteger("hivemind.fuzz.requests", 10_000);
  static final int CLIENTS = 4;
  static final int MAX_BODY = 256 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The gateway on topics of its own; rates high enough that the fuzz is about input, not rate. */
  public static class OwnTopics implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "hivemind.rate-limit.basic", "1000000",
          "hivemind.rate-limit.pro", "1000000",
          "hivemind.rate-limit.elite", "1000000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OwnTopicsResource.class, Map.of("prefix", "fuzz.")));
    }
  }

  /** What came back for one planned request. */
  record Answer(Planned request, int status, String contentType, String body, IOException failed) {}

  @TestHTTPResource("/")
  URI base;

  @Test
  @Timeout(300)
  void shouldAnswerTenThousandHostileRequestsWithoutA5xxAndWriteOnlyValidRecords()
      throws Exception {
    TestKeys keys = TestKeys.of(TOPICS);
    Key alice = keys.mint(TestKeys.newUser(), Tier.ELITE, Role.BOT);
    Key bob = keys.mint(TestKeys.newUser(), Tier.BASIC, Role.BOT);
    Key revoked = keys.mint(TestKeys.newUser(), Tier.PRO, Role.BOT);
    keys.revoke(revoked);
    await()
        .atMost(TestKeys.REVOCATION_BOUND)
        .until(() -> revoked.given().get("/api/maintenance/status").statusCode() == 401);
    List<Planned> plan =
        new FuzzRequests(
                SEED,
                new FuzzRequests.Credentials(
                    alice.secret(),
                    alice.userId(),
                    bob.secret(),
                    bob.userId(),
                    revoked.secret(),
                    ApiKey.generate(new SecureRandom()).reveal()),
                Instant.now(),
                MAX_BODY)
            .plan(REQUESTS);

    long started = System.nanoTime();
    List<Answer> answers = send(plan);
    LOG.infof(
        "fuzz seed %d: %d requests in %d ms; statuses %s",
        SEED,
        answers.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        statuses(answers));

    assertThat(answers).hasSize(REQUESTS);
    assertThat(answers)
        .as("requests the client could not complete (only bodies over the limit may be cut off)")
        .filteredOn(answer -> answer.failed() != null && answer.request().body().length <= MAX_BODY)
        .isEmpty();
    assertThat(answers).as("5xx answers").filteredOn(answer -> answer.status() >= 500).isEmpty();
    assertThat(answers)
        .as("4xx answers not in problem+json")
        .filteredOn(answer -> answer.status() >= 400 && answer.status() < 500)
        .filteredOn(
            answer ->
                answer.contentType() == null
                    || !answer.contentType().startsWith("application/problem+json"))
        .isEmpty();
    assertThat(answers)
        .as("202 answers for a request without a valid key")
        .filteredOn(answer -> answer.status() == 202 && answer.request().actingUser() == null)
        .filteredOn(answer -> !answer.request().path().equals("/api/bench/noop"))
        .isEmpty();
    Map<Integer, Long> statuses = statuses(answers);
    // the mix exercised every kind of refusal, and plenty got through
    assertThat(statuses.getOrDefault(202, 0L)).isGreaterThan(1_000);
    assertThat(statuses.getOrDefault(400, 0L)).isGreaterThan(1_000);
    assertThat(statuses.getOrDefault(401, 0L)).isGreaterThan(500);
    assertThat(statuses.getOrDefault(403, 0L)).isGreaterThan(500);
    assertThat(statuses.getOrDefault(415, 0L)).isGreaterThan(200);
    assertThat(statuses.getOrDefault(413, 0L)).isPositive();

    List<Answer> junkSymbols =
        answers.stream().filter(answer -> answer.request().junkSymbolField() != null).toList();
    assertThat(junkSymbols)
        .as("requests with a symbol that is no instrument, answered 2xx")
        .filteredOn(answer -> answer.status() >= 200 && answer.status() < 300)
        .isEmpty();
    List<Answer> junkRefused =
        junkSymbols.stream().filter(answer -> answer.status() == 400).toList();
    assertThat(junkRefused)
        .as("400 answers to a symbol that is no instrument, not naming its field")
        .filteredOn(answer -> !violationFields(answer).contains(answer.request().junkSymbolField()))
        .isEmpty();
    // the rest were refused before the body was read: a key that is no valid key
    assertThat(junkSymbols)
        .as("answers to a junk symbol other than 400, for a request with a valid key")
        .filteredOn(answer -> answer.status() != 400 && answer.request().actingUser() != null)
        .isEmpty();
    assertThat(junkRefused).hasSizeGreaterThan(300);

    assertOnlyAcceptedRecordsOnTheTopics(answers, Set.of(alice.userId(), bob.userId()));
  }

  private List<Answer> send(List<Planned> plan) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Answer>> pending = new ArrayList<>(plan.size());
      for (Planned request : plan) {
        pending.add(clients.submit(() -> send(http, request)));
      }
      List<Answer> answers = new ArrayList<>(plan.size());
      for (Future<Answer> answer : pending) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      clients.shutdownNow();
      clients.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private Answer send(HttpClient http, Planned request) throws InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(request.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                request.method(),
                request.body().length == 0 && !request.method().equals("POST")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    if (request.authorization() != null) {
      builder.header("Authorization", request.authorization());
    }
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500) {
        LOG.errorf("%d for %s: %s", response.statusCode(), request, response.body());
      }
      return new Answer(
          request,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          null);
    } catch (IOException e) {
      return new Answer(request, -1, null, null, e);
    }
  }

  /** The fields a problem answer's violations name. */
  private static Set<String> violationFields(Answer answer) {
    Set<String> fields = new HashSet<>();
    try {
      JSON.readTree(answer.body())
          .path("violations")
          .forEach(v -> fields.add(v.path("field").asText()));
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + answer, e);
    }
    return fields;
  }

  private static Map<Integer, Long> statuses(List<Answer> answers) {
    Map<Integer, Long> counts = new TreeMap<>();
    answers.forEach(answer -> counts.merge(answer.status(), 1L, Long::sum));
    return counts;
  }

  // ------------------------------------------------------------------ what reached Kafka

  private void assertOnlyAcceptedRecordsOnTheTopics(List<Answer> answers, Set<String> users)
      throws IOException {
    Map<String, Long> promised =
        new TreeMap<>(Map.of(TOPICS.signals, 0L, TOPICS.outcomes, 0L, TOPICS.heartbeats, 0L));
    Set<String> positions = new HashSet<>();
    for (Answer answer : answers) {
      if (answer.status() != 202 || answer.request().path().equals("/api/bench/noop")) {
        continue;
      }
      JsonNode body = JSON.readTree(answer.body());
      String topic =
          switch (answer.request().path()) {
            case "/api/signals" -> TOPICS.signals;
            case "/api/outcomes" -> TOPICS.outcomes;
            case "/api/bots/heartbeat" -> TOPICS.heartbeats;
            default -> null;
          };
      if (topic == null) {
        promised.merge(TOPICS.signals, body.path("signals").asLong(), Long::sum);
        promised.merge(TOPICS.outcomes, body.path("outcomes").asLong(), Long::sum);
      } else {
        promised.merge(topic, 1L, Long::sum);
        positions.add(
            topic + "-" + body.path("partition").asInt() + "@" + body.path("offset").asLong());
      }
    }

    RequestValidator validator =
        new RequestValidator(Clock.systemUTC(), ValidationLimits.defaults());
    String registry = KafkaStack.shared().registryUrl();
    Map<String, Long> found = new TreeMap<>();
    found.put(
        TOPICS.signals,
        checkEvery(
            TOPICS.signals,
            AvroSerdes.registry(registry).valueSerde(Signal.class).deserializer(),
            users,
            positions,
            signal ->
                validator.validate(
                    new SignalRequest(
                        signal.getSignalId(),
                        signal.getUserId(),
                        signal.getSymbol(),
                        signal.getSide().name(),
                        signal.getPrice(),
                        signal.getTimestamp().toString(),
                        signal.getStrategy(),
                        signal.getFeatures()))));
    found.put(
        TOPICS.outcomes,
        checkEvery(
            TOPICS.outcomes,
            AvroSerdes.registry(registry).valueSerde(TradeOutcome.class).deserializer(),
            users,
            positions,
            outcome ->
                validator.validate(
                    new OutcomeRequest(
                        outcome.getSignalId(),
                        outcome.getUserId(),
                        outcome.getSymbol(),
                        outcome.getSide().name(),
                        outcome.getEntryPrice(),
                        outcome.getExitPrice(),
                        outcome.getEntryTime().toString(),
                        outcome.getExitTime().toString(),
                        outcome.getContracts(),
                        outcome.getPnl(),
                        outcome.getExitReason()))));
    found.put(
        TOPICS.heartbeats,
        checkEvery(
            TOPICS.heartbeats,
            AvroSerdes.registry(registry).valueSerde(Heartbeat.class).deserializer(),
            users,
            positions,
            heartbeat ->
                validator.validate(
                    new HeartbeatRequest(
                        heartbeat.getUserId(),
                        heartbeat.getBotVersion(),
                        heartbeat.getStatus(),
                        heartbeat.getOpenPositions(),
                        heartbeat.getSymbols(),
                        heartbeat.getTimestamp().toString(),
                        heartbeat.getForceCloseAck()))));

    LOG.infof("fuzz records: promised by 202 answers %s, found %s", promised, found);
    assertThat(found)
        .as("records on each topic, against what 202 answers promised")
        .isEqualTo(promised);
    assertThat(positions).as("202 answers whose record was not found where they said").isEmpty();
  }

  /**
   * Reads the whole topic; every record must deserialize as {@code T}, be valid Avro, be keyed by
   * and hold a user whose key was used, and pass the contract's validation. Crosses off each
   * position a 202 answer named. Returns how many records there were.
   */
  private <T extends SpecificRecord> long checkEvery(
      String topic,
      Deserializer<T> values,
      Set<String> users,
      Set<String> positions,
      Function<T, List<Violation>> validation) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.shared().bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    long count = 0;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(15));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        assertThat(System.nanoTime()).as("read " + topic + " within a minute").isLessThan(deadline);
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          count++;
          String where = topic + "-" + record.partition() + "@" + record.offset();
          T value = values.deserialize(topic, record.value());
          assertThat(encodes(value)).as(where + " writes back as Avro").isTrue();
          assertThat(record.key()).as(where + " key").isIn(users);
          assertThat(value.get(value.getSchema().getField("user_id").pos()))
              .as(where + " user_id")
              .hasToString(record.key());
          assertThat(validation.apply(value)).as(where + " against the contract").isEmpty();
          positions.remove(where);
        }
      }
    }
    return count;
  }

  /** Whether the record writes back as Avro of its own schema, logical types included. */
  private static <T extends SpecificRecord> boolean encodes(T value) {
    SpecificDatumWriter<T> writer =
        new SpecificDatumWriter<>(value.getSchema(), SpecificData.getForClass(value.getClass()));
    try {
      writer.write(value, EncoderFactory.get().binaryEncoder(new ByteArrayOutputStream(), null));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
