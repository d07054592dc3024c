package io.hivemind.gateway.control;

import io.hivemind.access.domain.KeyDirectory;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.kafka.KeyMaterializer;
import io.hivemind.botapi.TradingStatus;
import io.hivemind.control.domain.BotContext;
import io.hivemind.control.domain.BotRoster;
import io.hivemind.control.kafka.ControlStateUnknownException;
import io.hivemind.control.kafka.ControlView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Pushes each connected bot its trading status: once on connect, then whenever it changes. A change
 * comes from the control topic (pushed the moment this instance's view applies it) or from the
 * clock (a schedule's boundary, a force-close order expiring, an acknowledgement), which a
 * one-second re-evaluation catches. Idle streams get a keep-alive comment. All sends happen on one
 * thread, so a bot's events are never reordered. A stream whose key is revoked is closed at the
 * next re-evaluation (within a second of this instance reading the revocation).
 *
 * <p>A stream is a {@link Multi} that RESTEasy subscribes to once it has set the response up, and
 * only then does the hub know of it: with an {@code SseEventSink} the first event, sent from this
 * thread, raced RESTEasy writing the stream's head on the request's thread, and when it won the
 * stream failed ("Response head already sent") after that first event.
 */
@ApplicationScoped
class ControlStreamHub {

  private static final Logger LOG = Logger.getLogger(ControlStreamHub.class);
  static final Duration REEVALUATE_EVERY = Duration.ofSeconds(1);

  private final ControlView view;
  private final BotRoster roster;
  private final KeyDirectory keys;
  private final Duration keepAlive;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final AtomicLong eventIds = new AtomicLong();
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "control-stream");
            thread.setDaemon(true);
            return thread;
          });

  ControlStreamHub(ControlView view, BotRoster roster, KeyMaterializer keys, ControlConfig config) {
    this.view = view;
    this.roster = roster;
    this.keys = keys.directory();
    this.keepAlive = config.keepAlive();
  }

  void start(@Observes StartupEvent start) {
    view.onChange(snapshot -> sender.execute(this::pushChanges));
    sender.scheduleWithFixedDelay(
        this::pushChanges,
        REEVALUATE_EVERY.toMillis(),
        REEVALUATE_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    sender.scheduleWithFixedDelay(
        this::keepAlive, keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent stop) {
    sender.shutdownNow();
    subscriptions.forEach(subscription -> subscription.stream.complete());
  }

  /**
   * The bot's stream: its status once RESTEasy subscribes, then every change.
   *
   * @param keyId the key the stream was opened with; revoking it ends the stream
   */
  Multi<OutboundSseEvent> subscribe(BotContext bot, String keyId, Sse sse) {
    view.snapshot(); // 503 (ControlStateUnknownException) rather than a stream with nothing to say
    return Multi.createFrom()
        .emitter(
            stream -> {
              Subscription subscription = new Subscription(bot, keyId, stream, sse);
              stream.onTermination(() -> subscriptions.remove(subscription));
              subscriptions.add(subscription);
              sender.execute(() -> push(subscription));
            });
  }

  int subscribers() {
    return subscriptions.size();
  }

  private void pushChanges() {
    subscriptions.forEach(this::push);
  }

  private void push(Subscription subscription) {
    if (subscription.stream.isCancelled()) {
      subscriptions.remove(subscription);
      return;
    }
    if (isRevoked(subscription.keyId)) {
      subscriptions.remove(subscription);
      subscription.stream.complete();
      return;
    }
    if (!view.isLoaded()) {
      // Nothing to tell that is known: the stream keeps its last state, and every question the
      // bot asks before an entry is answered 503 until the view is loaded again.
      return;
    }
    String acknowledged = roster.forceCloseAckOf(subscription.bot.userId());
    TradingStatus status;
    try {
      status = TradingStatus.of(view.evaluate(subscription.bot), acknowledged);
    } catch (ControlStateUnknownException unknown) {
      return; // became unknown since the look above
    }
    if (status.equals(subscription.last)) {
      return;
    }
    subscription.last = status;
    send(
        subscription,
        subscription
            .sse
            .newEventBuilder()
            .name("control")
            .id(Long.toString(eventIds.incrementAndGet()))
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(TradingStatus.class, status)
            .build());
  }

  private boolean isRevoked(String keyId) {
    return keys.find(keyId).map(KeyRecord::isRevoked).orElse(true);
  }

  private void keepAlive() {
    subscriptions.forEach(
        subscription ->
            send(subscription, subscription.sse.newEventBuilder().comment("keep-alive").build()));
  }

  private void send(Subscription subscription, OutboundSseEvent event) {
    if (subscription.stream.isCancelled()) {
      subscriptions.remove(subscription); // the bot went away
      return;
    }
    try {
      subscription.stream.emit(event);
    } catch (RuntimeException e) {
      LOG.debugf(e, "dropping a control stream");
      subscriptions.remove(subscription);
      subscription.stream.fail(e);
    }
  }

  private static final class Subscription {
    private final BotContext bot;
    private final String keyId;
    private final MultiEmitter<? super OutboundSseEvent> stream;
    private final Sse sse;
    private TradingStatus last;

    Subscription(
        BotContext bot, String keyId, MultiEmitter<? super OutboundSseEvent> stream, Sse sse) {
      this.bot = bot;
      this.keyId = keyId;
      this.stream = stream;
      this.sse = sse;
    }
  }
}
