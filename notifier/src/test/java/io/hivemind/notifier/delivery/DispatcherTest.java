package io.hivemind.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hivemind.botapi.Backoff;
import io.hivemind.notifier.event.Audience;
import io.hivemind.notifier.event.EventKind;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.subscription.Destination;
import io.hivemind.notifier.subscription.Subscription;
import io.hivemind.testkit.WebhookReceiver;
import io.hivemind.testkit.WebhookReceiver.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final AddressPolicy TESTS = new AddressPolicy(true, false);

  private final List<Dispatcher.DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> deliveredAttempts = new ConcurrentHashMap<>();
  private final AtomicInteger ended = new AtomicInteger();
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private WebhookReceiver receiver;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
    dispatcher = dispatcher(TESTS, 1000);
  }

  @AfterEach
  void stop() throws Exception {
    dispatcher.close();
    receiver.close();
  }

  private Dispatcher dispatcher(AddressPolicy policy, int capacity) {
    return new Dispatcher(
        new DeliveryClient(
            Duration.ofMillis(500), policy, Executors.newCachedThreadPool(), Clock.systemUTC()),
        new DestinationLimits(
            DestinationLimits.defaults(new DestinationLimits.Rate(Duration.ofMillis(1), 1000))),
        new Dispatcher.Settings(
            4,
            Duration.ofMinutes(1),
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5)),
            capacity),
        new Dispatcher.Listener() {
          @Override
          public void delivered(Subscription subscription, Notification notification, int tries) {
            deliveredAttempts.put(subscription.id() + "/" + notification.id(), tries);
          }

          @Override
          public CompletionStage<?> deadLettered(Dispatcher.DeadLetter letter) {
            deadLetters.add(letter);
            return CompletableFuture.completedFuture(null);
          }
        },
        id -> Optional.ofNullable(subscriptions.get(id)),
        Clock.systemUTC());
  }

  private Subscription subscribe(String id, String path) {
    Subscription subscription =
        new Subscription(
            id,
            Audience.user("u1"),
            Destination.of(Destination.Kind.WEBHOOK, receiver.url(path).toString(), null),
            null,
            WebhookSignature.newSecret(),
            Instant.now());
    subscriptions.put(id, subscription);
    return subscription;
  }

  private static Notification trade(int n) {
    return new Notification(
        "trade.closed:o-" + n,
        EventKind.TRADE_CLOSED,
        Audience.user("u1"),
        Instant.parse("2026-12-03T10:00:00Z").plusSeconds(n),
        "Trade closed: ES LONG +$" + n,
        "",
        Map.of("pnl", n));
  }

  private void offer(Subscription subscription, Notification notification) {
    assertThat(dispatcher.offer(subscription, notification, ended::incrementAndGet)).isTrue();
  }

  @Test
  void shouldDeliverEveryEventInOrderSignedWithItsId() {
    Subscription subscription = subscribe("s1", "/hook");
    for (int n = 0; n < 20; n++) {
      offer(subscription, trade(n));
    }

    await().atMost(WAIT).until(() -> ended.get() == 20);
    List<WebhookReceiver.Received> got = receiver.received("/hook");
    assertThat(got).hasSize(20);
    for (int n = 0; n < 20; n++) {
      WebhookReceiver.Received request = got.get(n);
      assertThat(request.header(DeliveryClient.EVENT_ID)).isEqualTo("trade.closed:o-" + n);
      assertThat(request.header(DeliveryClient.EVENT_TYPE)).isEqualTo("trade.closed");
      assertThat(request.body()).contains("\"id\":\"trade.closed:o-" + n + "\"");
      assertThat(
              WebhookSignature.verify(
                  request.header(WebhookSignature.HEADER),
                  subscription.secret(),
                  request.body(),
                  Instant.now(),
                  WebhookSignature.TOLERANCE))
          .as("signature of %s", n)
          .isTrue();
    }
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void shouldRetryWhatMayPassWithTheSameEventId() {
    Subscription subscription = subscribe("s1", "/flaky");
    receiver.script("/flaky", Answer.status(503), Answer.status(500));

    offer(subscription, trade(1));

    await().atMost(WAIT).until(() -> ended.get() == 1);
    List<WebhookReceiver.Received> got = receiver.received("/flaky");
    assertThat(got)
        .extracting(r -> r.header(DeliveryClient.EVENT_ID))
        .containsOnly("trade.closed:o-1");
    assertThat(got)
        .extracting(r -> r.header(DeliveryClient.ATTEMPT))
        .containsExactly("1", "2", "3");
    assertThat(deliveredAttempts).containsEntry("s1/trade.closed:o-1", 3);
  }

  @Test
  void shouldWaitAsLongAsRetryAfterSays() {
    Subscription subscription = subscribe("s1", "/limited");
    receiver.script("/limited", new Answer(429, Map.of("Retry-After", "1"), 0));

    offer(subscription, trade(1));

    await().atMost(WAIT).until(() -> ended.get() == 1);
    List<WebhookReceiver.Received> got = receiver.received("/limited");
    assertThat(got).hasSize(2);
    assertThat(Duration.between(got.get(0).at(), got.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void shouldRetryAReceiverThatDoesNotAnswerInTime() {
    Subscription subscription = subscribe("s1", "/slow");
    receiver.script("/slow", new Answer(200, Map.of(), 1_500));

    offer(subscription, trade(1));

    await().atMost(WAIT).until(() -> ended.get() == 1);
    assertThat(receiver.received("/slow")).hasSize(2);
    assertThat(deliveredAttempts).containsEntry("s1/trade.closed:o-1", 2);
  }

  @Test
  void shouldDeadLetterARefusalAtOnceWithItsReason() {
    Subscription subscription = subscribe("s1", "/gone");
    receiver.always("/gone", Answer.status(404));

    offer(subscription, trade(1));

    await().atMost(WAIT).until(() -> ended.get() == 1);
    assertThat(receiver.received("/gone")).hasSize(1);
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.reason()).isEqualTo("HTTP 404");
              assertThat(letter.attempts()).isEqualTo(1);
              assertThat(letter.notification().id()).isEqualTo("trade.closed:o-1");
            });
  }

  @Test
  void shouldNotFollowARedirect() {
    Subscription subscription = subscribe("s1", "/moved");
    receiver.always(
        "/moved", new Answer(302, Map.of("Location", receiver.url("/elsewhere").toString()), 0));

    offer(subscription, trade(1));

    await().atMost(WAIT).until(() -> ended.get() == 1);
    assertThat(receiver.received("/elsewhere")).isEmpty();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            letter ->
                assertThat(letter.reason()).startsWith("HTTP 302: redirects are not followed"));
  }

  @Test
  void shouldGiveUpAfterItsAttemptsAndHoldBackOnlyThatSubscription() {
    Subscription failing = subscribe("down", "/down");
    Subscription healthy = subscribe("up", "/up");
    receiver.always("/down", Answer.status(503));

    for (int n = 0; n < 3; n++) {
      offer(failing, trade(n));
      offer(healthy, trade(n));
    }

    await().atMost(WAIT).until(() -> receiver.received("/up").size() == 3);
    await().atMost(WAIT).until(() -> ended.get() == 6);
    assertThat(deadLetters)
        .extracting(letter -> letter.notification().id())
        .containsExactly("trade.closed:o-0", "trade.closed:o-1", "trade.closed:o-2");
    assertThat(deadLetters)
        .allSatisfy(
            letter ->
                assertThat(letter.reason())
                    .isEqualTo("gave up after 4 attempts; the last: HTTP 503"));
    assertThat(receiver.received("/down")).hasSize(12);
  }

  @Test
  void shouldRefuseALoopbackDestinationUnlessAllowed() throws Exception {
    dispatcher.close();
    dispatcher = dispatcher(AddressPolicy.STRICT, 1000);
    Subscription subscription = subscribe("s1", "/inside");

    offer(subscription, trade(1));

    await().atMost(WAIT).until(() -> ended.get() == 1);
    assertThat(receiver.received("/inside")).isEmpty();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            letter ->
                assertThat(letter.reason())
                    .isEqualTo(
                        "refused destination: 127.0.0.1 resolves to 127.0.0.1, a loopback address"));
  }

  @Test
  void shouldEndTheQueuedDeliveriesOfADeletedSubscriptionUnsent() {
    Subscription subscription = subscribe("s1", "/hook");
    subscriptions.remove("s1");

    offer(subscription, trade(1));

    await().atMost(WAIT).until(() -> ended.get() == 1);
    assertThat(receiver.received("/hook")).isEmpty();
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void shouldRefuseOffersBeyondItsCapacity() throws Exception {
    dispatcher.close();
    dispatcher = dispatcher(TESTS, 2);
    Subscription subscription = subscribe("s1", "/slow");
    receiver.always("/slow", new Answer(200, Map.of(), 300));

    assertThat(dispatcher.offer(subscription, trade(1), ended::incrementAndGet)).isTrue();
    assertThat(dispatcher.offer(subscription, trade(2), ended::incrementAndGet)).isTrue();
    assertThat(dispatcher.offer(subscription, trade(3), ended::incrementAndGet)).isFalse();

    await().atMost(WAIT).until(() -> ended.get() == 2);
    assertThat(dispatcher.offer(subscription, trade(3), ended::incrementAndGet)).isTrue();
  }
}
