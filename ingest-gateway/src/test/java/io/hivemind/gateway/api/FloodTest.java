package io.hivemind.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.http.RateLimitConfig;
import io.hivemind.botapi.Instruments;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
import io.hivemind.gateway.api.JunkSymbols.Junk;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12's floods, the fuzz test's companion: a gateway at its configured rate limits (the fuzz
 * test lifts them to be about input) on a real broker. It runs in the module's default app, on its
 * topics: every count is taken between end offsets read before and after, and the keys are its own,
 * so other tests' records never count and its own never reach their counts. A key of each tier
 * flooding full batches gets no more events onto Kafka than its budget allows over the time the
 * flood took, and 429 + {@code Retry-After} for the rest; thousands of symbols that are no
 * instrument traded here, in every place a symbol goes, are each a 400 naming the field, and none
 * reaches Kafka; a full batch with one such symbol is refused whole.
 *
 * <p>The junk symbols are drawn from the fuzz seed ({@code -Dhivemind.fuzz.seed=<n>}); {@code
 * -Dhivemind.flood.seconds=<n>} sets how long each key floods.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class FloodTest {

  private static final Logger LOG = Logger.getLogger(FloodTest.class);

  static final Topics TOPICS = Topics.withDefaultPrefix();
  static final long SEED = Long.getLong("hivemind.fuzz.seed", 20261121L);

  /**
   * 3 s: past one elite refill (a full batch at 500/s takes 2 s), so the flood shows both a key
   * held to burst + rate × time and a key let through again once its bucket refilled; a longer
   * flood only repeats that refill.
   */
  static final Duration FLOOD = Duration.ofSeconds(Long.getLong("hivemind.flood.seconds", 3));

  /** hivemind.ingest.max-batch: a full batch. */
  static final int FULL_BATCH = 1_000;

  static final int MAX_BODY = 256 * 1024;
  static final int CLIENTS_PER_KEY = 2;
  static final int JUNK_REQUESTS = 3_000;
  static final int JUNK_KEYS = 4;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI base;

  /** The limits the gateway under test enforces. */
  @Inject RateLimitConfig limits;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  // ------------------------------------------------------------------ event budget

  /** How one key's flood went. */
  record Flood(
      Key key,
      int perSecond,
      int burst,
      double seconds,
      int accepted,
      List<Integer> retryAfters,
      List<String> unexpected) {

    /** The most events the key's bucket can have let through in the time the flood took. */
    double budget() {
      return burst + perSecond * seconds;
    }

    int offered() {
      return (accepted + retryAfters.size()) * FULL_BATCH;
    }

    @Override
    public String toString() {
      return String.format(
          "%s %d/s: %d batches accepted, %d refused 429, %d other, in %.1f s (budget %.0f events)",
          key.record().tier().wire(),
          perSecond,
          accepted,
          retryAfters.size(),
          unexpected.size(),
          seconds,
          budget());
    }
  }

  @Test
  @Timeout(180)
  void shouldHoldAKeyOfEachTierToItsEventBudgetUnderAFloodOfFullBatches() throws Exception {
    Random random = new Random(SEED);
    Map<Tier, String> batches = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      batches.put(tier, outcomes(FULL_BATCH, random));
    }
    Map<Tier, Key> keys = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      keys.put(tier, TestKeys.of(TOPICS).mint(TestKeys.newUser(), tier, Role.BOT));
    }
    Map<TopicPartition, Long> before = probe.endOffsets(TOPICS.outcomes);

    ExecutorService floods = Executors.newFixedThreadPool(Tier.values().length);
    Map<Tier, Flood> results = new EnumMap<>(Tier.class);
    try {
      Map<Tier, Future<Flood>> pending = new EnumMap<>(Tier.class);
      for (Tier tier : Tier.values()) {
        pending.put(tier, floods.submit(() -> flood(keys.get(tier), batches.get(tier))));
      }
      for (Tier tier : Tier.values()) {
        results.put(tier, pending.get(tier).get(FLOOD.toSeconds() + 90, TimeUnit.SECONDS));
      }
    } finally {
      floods.shutdownNow();
    }
    Map<TopicPartition, Long> after = probe.endOffsets(TOPICS.outcomes);
    LOG.infof("flood: %s", results);

    for (Tier tier : Tier.values()) {
      Flood flood = results.get(tier);
      String who = flood.toString();
      assertThat(flood.unexpected()).as(who + ": answers other than 202 and 429").isEmpty();
      assertThat(flood.offered())
          .as(who + ": the flood offered more events than the budget")
          .isGreaterThan((int) Math.ceil(flood.budget()));
      assertThat(flood.accepted()).as(who + ": batches accepted").isPositive();
      assertThat((double) flood.accepted() * FULL_BATCH)
          .as(who + ": events that reached Kafka, against burst + rate × the flood's seconds")
          .isLessThanOrEqualTo(flood.budget());
      assertThat(flood.retryAfters()).as(who + ": batches refused 429").isNotEmpty();
      // the wait is until the bucket holds the whole batch, never longer than a full refill
      int fullRefill = (int) Math.ceil((double) flood.burst() / flood.perSecond());
      assertThat(flood.retryAfters())
          .as(who + ": Retry-After of each 429, in whole seconds")
          .allSatisfy(wait -> assertThat(wait).isBetween(1, fullRefill));
    }
    // a flood does not lock a key out: elite refills a batch in 2 s, so a second one passed
    assertThat(results.get(Tier.ELITE).accepted())
        .as("elite batches accepted in " + FLOOD.toSeconds() + " s of flood")
        .isGreaterThanOrEqualTo(2);

    // what reached Kafka: exactly the batches answered 202 (checked against the budget above)
    int appended = (int) TopicProbe.appended(TOPICS.outcomes, before, after);
    int acceptedEvents =
        results.values().stream().mapToInt(flood -> flood.accepted() * FULL_BATCH).sum();
    assertThat(appended).as("records the floods appended").isEqualTo(acceptedEvents);
    Map<String, Long> recordsByUser =
        probe.recordsFrom(TOPICS.outcomes, before, appended).stream()
            .collect(Collectors.groupingBy(record -> record.key(), Collectors.counting()));
    for (Flood flood : results.values()) {
      assertThat(recordsByUser.get(flood.key().userId()))
          .as(flood + ": records on the topic, against the batches answered 202")
          .isEqualTo((long) flood.accepted() * FULL_BATCH);
    }
  }

  /**
   * One key flooding: it sends one batch as a bot would (on 429 it waits {@code Retry-After}), so
   * that its bucket is known to have been full, then floods the same batch from several clients as
   * fast as the gateway answers, for {@link #FLOOD}. The flood's time runs from before its first
   * request to after its last answer, so it covers every moment the gateway spent on them.
   */
  private Flood flood(Key key, String batch) throws Exception {
    int perSecond = limits.perSecond(key.record().tier());
    int burst = limits.burst(key.record().tier());
    AtomicInteger accepted = new AtomicInteger();
    List<Integer> retryAfters = Collections.synchronizedList(new ArrayList<>());
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    for (int attempt = 0; accepted.get() == 0; attempt++) {
      assertThat(attempt).as(key + ": attempts of a batch that waited as told").isLessThan(3);
      HttpResponse<String> answer = post(key, "/api/events", batch);
      if (answer.statusCode() == 202) {
        accepted.incrementAndGet();
      } else {
        Thread.sleep(retryAfter(answer) * 1_000L);
      }
    }
    long floodStart = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS_PER_KEY);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int c = 0; c < CLIENTS_PER_KEY; c++) {
        tasks.add(
            () -> {
              while (System.nanoTime() - floodStart < FLOOD.toNanos()) {
                HttpResponse<String> answer = post(key, "/api/events", batch);
                if (answer.statusCode() == 202) {
                  accepted.incrementAndGet();
                } else if (answer.statusCode() == 429 && isProblem(answer, 429)) {
                  retryAfters.add(retryAfter(answer));
                } else {
                  unexpected.add(answer.statusCode() + " " + answer.body());
                }
              }
              return null;
            });
      }
      for (Future<Void> done : clients.invokeAll(tasks, FLOOD.toSeconds() + 60, TimeUnit.SECONDS)) {
        done.get();
      }
    } finally {
      clients.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Flood(
        key,
        perSecond,
        burst,
        seconds,
        accepted.get(),
        List.copyOf(retryAfters),
        List.copyOf(unexpected));
  }

  /** The whole seconds of a 429's Retry-After; -1 when it has none. */
  private static int retryAfter(HttpResponse<String> refused) {
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    return refused.headers().firstValue("Retry-After").map(Integer::parseInt).orElse(-1);
  }

  // ------------------------------------------------------------------ junk symbols

  /** A request carrying a junk symbol, and the field a 400 must name. */
  record JunkRequest(Key key, String path, String body, String field, Junk junk) {}

  @Test
  @Timeout(180)
  void shouldRefuseAFloodOfThousandsOfJunkSymbolsNamingTheFieldAndSendNothing() throws Exception {
    List<Key> keys = new ArrayList<>();
    for (int k = 0; k < JUNK_KEYS; k++) {
      keys.add(TestKeys.of(TOPICS).mint(TestKeys.newUser(), Tier.ELITE, Role.BOT));
    }
    // each key sends fewer requests than its bucket holds, so none is refused for its rate
    assertThat(JUNK_REQUESTS / JUNK_KEYS + 3).isLessThan(limits.burst(Tier.ELITE));
    JunkSymbols junkSymbols = new JunkSymbols(new Random(SEED));
    Random random = new Random(SEED + 1);
    List<JunkRequest> plan = new ArrayList<>(JUNK_REQUESTS);
    for (int i = 0; i < JUNK_REQUESTS; i++) {
      plan.add(
          junkRequest(keys.get(i % JUNK_KEYS), (i / JUNK_KEYS) % 4, junkSymbols.next(), random));
    }
    Set<String> distinct = new HashSet<>();
    plan.forEach(request -> distinct.add(request.junk().symbol()));
    assertThat(distinct).as("distinct junk symbols").hasSizeGreaterThan(2_000);
    Map<TopicPartition, Long> before =
        probe.endOffsets(TOPICS.signals, TOPICS.outcomes, TOPICS.heartbeats);

    List<HttpResponse<String>> answers =
        sendAll(plan, request -> post(request.key(), request.path(), request.body()));

    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      JunkRequest request = plan.get(i);
      HttpResponse<String> answer = answers.get(i);
      if (!isProblem(answer, 400) || !violationFields(answer).contains(request.field())) {
        wrong.add(
            request.junk().kind()
                + " "
                + request.path()
                + " "
                + request.field()
                + ": "
                + answer.statusCode()
                + " "
                + abbreviated(answer.body()));
      }
    }
    Map<String, Long> kinds =
        plan.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.junk().kind(), LinkedHashMap::new, Collectors.counting()));
    LOG.infof(
        "junk symbol flood: %d requests, %d distinct symbols, by kind %s",
        plan.size(), distinct.size(), kinds);
    assertThat(wrong).as("answers that are not a 400 problem naming the symbol's field").isEmpty();

    // valid markers after the flood: once they are on the topics, anything sent before them is too
    Key marker = keys.get(0);
    assertThat(
            post(marker, "/api/signals", Bodies.json(withoutUser(Bodies.signal(null))))
                .statusCode())
        .isEqualTo(202);
    assertThat(
            post(marker, "/api/outcomes", Bodies.json(withoutUser(Bodies.outcome(null))))
                .statusCode())
        .isEqualTo(202);
    assertThat(
            post(marker, "/api/bots/heartbeat", Bodies.json(withoutUser(Bodies.heartbeat(null))))
                .statusCode())
        .isEqualTo(202);
    Map<TopicPartition, Long> after =
        probe.endOffsets(TOPICS.signals, TOPICS.outcomes, TOPICS.heartbeats);
    assertThat(TopicProbe.appended(TOPICS.signals, before, after))
        .as("signals: the marker only")
        .isEqualTo(1);
    assertThat(TopicProbe.appended(TOPICS.outcomes, before, after))
        .as("outcomes: the marker only")
        .isEqualTo(1);
    assertThat(TopicProbe.appended(TOPICS.heartbeats, before, after))
        .as("heartbeats: the marker only")
        .isEqualTo(1);
  }

  /** A body valid but for the junk symbol, in one of the four places a symbol goes. */
  private static JunkRequest junkRequest(Key key, int place, Junk junk, Random random) {
    String symbol = junk.symbol();
    switch (place) {
      case 0 -> {
        Map<String, Object> signal = withoutUser(Bodies.signal(null));
        signal.put("symbol", symbol);
        return new JunkRequest(key, "/api/signals", Bodies.json(signal), "symbol", junk);
      }
      case 1 -> {
        Map<String, Object> outcome = withoutUser(Bodies.outcome(null));
        outcome.put("symbol", symbol);
        return new JunkRequest(key, "/api/outcomes", Bodies.json(outcome), "symbol", junk);
      }
      case 2 -> {
        List<String> symbols = new ArrayList<>(List.of("ES", "NQ", "CL"));
        int at = random.nextInt(symbols.size() + 1);
        symbols.add(at, symbol);
        Map<String, Object> heartbeat = withoutUser(Bodies.heartbeat(null));
        heartbeat.put("symbols", symbols);
        return new JunkRequest(
            key, "/api/bots/heartbeat", Bodies.json(heartbeat), "symbols[" + at + "]", junk);
      }
      default -> {
        Batch batch = Batch.of(1 + random.nextInt(20), random);
        String field = batch.putSymbol(symbol, random);
        return new JunkRequest(key, "/api/events", batch.json(), field, junk);
      }
    }
  }

  // ------------------------------------------------------------------ one bad symbol in a batch

  @Test
  @Timeout(120)
  void shouldRefuseAFullBatchWithOneJunkSymbolWholeAndAcceptItWithout() throws Exception {
    Key key = TestKeys.of(TOPICS).mint(TestKeys.newUser(), Tier.ELITE, Role.BOT);
    JunkSymbols junkSymbols = new JunkSymbols(new Random(SEED + 2));
    Random random = new Random(SEED + 3);
    for (int round = 0; round < 4; round++) {
      Batch batch = Batch.of(FULL_BATCH, random);
      Junk junk = junkSymbols.next();
      String field = batch.putSymbol(junk.symbol(), random);
      String refused = batch.json();
      assertThat(refused.length()).as("within the body limit").isLessThan(MAX_BODY);
      Map<TopicPartition, Long> before = probe.endOffsets(TOPICS.signals, TOPICS.outcomes);

      HttpResponse<String> answer = postAsABot(key, refused);
      assertThat(isProblem(answer, 400)).as(junk + ": " + abbreviated(answer.body())).isTrue();
      assertThat(violationFields(answer)).as(junk.toString()).containsExactly(field);

      // the same batch with an instrument in that place: accepted, and it alone reaches Kafka
      batch.setSymbol(field, Instruments.DEFAULT.get(random.nextInt(Instruments.DEFAULT.size())));
      assertThat(postAsABot(key, batch.json()).statusCode())
          .as("the batch without it")
          .isEqualTo(202);
      Map<TopicPartition, Long> after = probe.endOffsets(TOPICS.signals, TOPICS.outcomes);
      assertThat(TopicProbe.appended(TOPICS.signals, before, after))
          .as(junk + ": signals appended, against the one batch accepted")
          .isEqualTo(batch.signals().size());
      assertThat(TopicProbe.appended(TOPICS.outcomes, before, after))
          .as(junk + ": outcomes appended, against the one batch accepted")
          .isEqualTo(batch.outcomes().size());
    }
  }

  /**
   * A batch of signals and outcomes without user ids (the key's), small enough to fit a full one.
   */
  record Batch(List<Map<String, Object>> signals, List<Map<String, Object>> outcomes) {

    static Batch of(int size, Random random) {
      List<Map<String, Object>> signals = new ArrayList<>();
      List<Map<String, Object>> outcomes = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        Map<String, Object> item =
            random.nextBoolean() ? compact(Bodies.signal(null)) : compact(Bodies.outcome(null));
        item.put("symbol", Instruments.DEFAULT.get(random.nextInt(Instruments.DEFAULT.size())));
        (item.containsKey("price") ? signals : outcomes).add(item);
      }
      return new Batch(signals, outcomes);
    }

    private static Map<String, Object> compact(Map<String, Object> item) {
      withoutUser(item);
      item.remove("features");
      item.remove("strategy");
      item.put("signal_id", Bodies.newId().substring(0, 13));
      return item;
    }

    /** Puts the symbol in a random item; returns the field a refusal must name. */
    String putSymbol(String symbol, Random random) {
      boolean inSignals = outcomes.isEmpty() || (!signals.isEmpty() && random.nextBoolean());
      List<Map<String, Object>> items = inSignals ? signals : outcomes;
      int at = random.nextInt(items.size());
      items.get(at).put("symbol", symbol);
      return (inSignals ? "signals" : "outcomes") + "[" + at + "].symbol";
    }

    /** Sets the symbol of the item a field of {@link #putSymbol} names. */
    void setSymbol(String field, String symbol) {
      List<Map<String, Object>> items = field.startsWith("signals") ? signals : outcomes;
      int at = Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
      items.get(at).put("symbol", symbol);
    }

    String json() {
      return Bodies.json(Map.of("signals", signals, "outcomes", outcomes));
    }
  }

  // ------------------------------------------------------------------ HTTP

  /** A full batch of outcomes on the configured instruments, as small as the contract allows. */
  private static String outcomes(int count, Random random) {
    List<Map<String, Object>> outcomes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> outcome = withoutUser(Bodies.outcome(null));
      outcome.put("signal_id", Bodies.newId().substring(0, 13));
      outcome.put("symbol", Instruments.DEFAULT.get(random.nextInt(Instruments.DEFAULT.size())));
      outcomes.add(outcome);
    }
    String body = Bodies.json(Map.of("outcomes", outcomes));
    assertThat(body.length()).as("within the body limit").isLessThan(MAX_BODY);
    return body;
  }

  private static Map<String, Object> withoutUser(Map<String, Object> body) {
    body.remove("user_id");
    return body;
  }

  private HttpResponse<String> post(Key key, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", key.header())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** As a bot sends a batch: on 429 it waits Retry-After and sends it again (at most 3 times). */
  private HttpResponse<String> postAsABot(Key key, String body) throws InterruptedException {
    for (int attempt = 0; attempt < 3; attempt++) {
      HttpResponse<String> answer = post(key, "/api/events", body);
      if (answer.statusCode() != 429) {
        return answer;
      }
      Thread.sleep(retryAfter(answer) * 1_000L);
    }
    throw new AssertionError(key + ": a batch that waited as told was still refused 429");
  }

  /** Sends every request from one client per key, answers in the plan's order. */
  private <T> List<HttpResponse<String>> sendAll(
      List<T> plan, Function<T, HttpResponse<String>> send) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(JUNK_KEYS);
    try {
      List<Future<HttpResponse<String>>> pending = new ArrayList<>(plan.size());
      for (T request : plan) {
        pending.add(clients.submit(() -> send.apply(request)));
      }
      List<HttpResponse<String>> answers = new ArrayList<>(plan.size());
      for (Future<HttpResponse<String>> answer : pending) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      clients.shutdownNow();
    }
  }

  private static boolean isProblem(HttpResponse<String> answer, int status) {
    return answer.statusCode() == status
        && answer
            .headers()
            .firstValue("Content-Type")
            .filter(type -> type.startsWith("application/problem+json"))
            .isPresent();
  }

  private static Set<String> violationFields(HttpResponse<String> answer) {
    Set<String> fields = new HashSet<>();
    try {
      JsonNode problem = JSON.readTree(answer.body());
      problem.path("violations").forEach(v -> fields.add(v.path("field").asText()));
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + abbreviated(answer.body()), e);
    }
    return fields;
  }

  private static String abbreviated(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
