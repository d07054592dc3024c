package io.hivemind.notifier.app;

import io.hivemind.botapi.Backoff;
import io.hivemind.notifier.delivery.AddressPolicy;
import io.hivemind.notifier.delivery.DaemonThreads;
import io.hivemind.notifier.delivery.DeadLetterBook;
import io.hivemind.notifier.delivery.DeliveryClient;
import io.hivemind.notifier.delivery.DestinationLimits;
import io.hivemind.notifier.delivery.Dispatcher;
import io.hivemind.notifier.delivery.NotificationReader;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.kafka.TopicWriter;
import io.hivemind.notifier.subscription.Subscription;
import io.hivemind.notifier.subscription.SubscriptionBook;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The delivery side of the notifier, wired: the subscriptions and dead letters followed from Kafka,
 * the dispatcher, and the reader of the notifications topic, started once both books are read (a
 * delivery must not miss a subscription) and stopped before Kafka is.
 */
@Singleton
public class Notifier {

  private static final Logger LOG = Logger.getLogger(Notifier.class);

  private final Topics topics;
  private final NotifierConfig config;
  private final TopicWriter writer;
  private final SubscriptionBook subscriptions;
  private final DeadLetterBook deadLetters;
  private final DeliveryClient client;
  private final Dispatcher dispatcher;
  private final NotificationReader reader;
  private final ExecutorService resolving;
  private final LagWatch lagWatch;
  private final Counter delivered;
  private final Counter deadLettered;
  private volatile boolean started;

  Notifier(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String prefix,
      NotifierConfig config,
      MeterRegistry metrics,
      ReactiveMailer mailer) {
    Map<String, Object> connection = KafkaConnection.settings(kafkaConfig);
    this.topics = new Topics(prefix);
    this.config = config;
    this.writer = new TopicWriter(connection, Duration.ofSeconds(10));
    this.subscriptions = new SubscriptionBook(connection, topics.webhooks);
    this.deadLetters = new DeadLetterBook(connection, topics.webhookDeadLetters);
    this.resolving = Executors.newFixedThreadPool(4, DaemonThreads.named("notifier-resolve"));
    this.client =
        new DeliveryClient(
            config.timeout(),
            policy(),
            resolving,
            Clock.systemUTC(),
            (to, subject, text) ->
                mailer.send(Mail.withText(to, subject, text)).subscribeAsCompletionStage());
    this.delivered = metrics.counter("hivemind.notifier.delivered");
    this.deadLettered = metrics.counter("hivemind.notifier.dead.lettered");
    this.dispatcher =
        new Dispatcher(
            client,
            new DestinationLimits(
                DestinationLimits.defaults(
                    new DestinationLimits.Rate(
                        Duration.ofNanos(1_000_000_000L / config.webhookRate()),
                        config.webhookRate()))),
            new Dispatcher.Settings(
                config.maxAttempts(),
                config.maxAge(),
                new Backoff(config.backoffBase(), config.backoffMax(), config.maxRetryAfter()),
                config.capacity()),
            new Listener(),
            subscriptions::get,
            Clock.systemUTC());
    this.reader =
        new NotificationReader(
            connection, config.group(), topics.notifications, subscriptions, dispatcher);
    metrics.gauge("hivemind.notifier.open.deliveries", dispatcher, Dispatcher::open);
    this.lagWatch =
        new LagWatch(
            connection,
            writer,
            topics,
            config.learnerGroup(),
            config.lagBound(),
            config.lagFor(),
            Clock.systemUTC());
  }

  /** Where deliveries may go, as configured. */
  public AddressPolicy policy() {
    return new AddressPolicy(config.allowLoopback(), config.allowPrivate());
  }

  void start(@Observes StartupEvent startup) {
    subscriptions.start();
    deadLetters.start();
    Thread starter =
        new Thread(
            () -> {
              try {
                while (!subscriptions.awaitCaughtUp(config.booksWait())) {
                  LOG.warnf("the subscriptions are not read yet: not delivering until they are");
                }
                while (!deadLetters.awaitCaughtUp(config.booksWait())) {
                  LOG.warnf("the dead letters are not read yet: not delivering until they are");
                }
                reader.start();
                lagWatch.start(config.lagCheck());
                started = true;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "notifier-start");
    starter.setDaemon(true);
    starter.start();
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    lagWatch.close();
    reader.close();
    dispatcher.close();
    resolving.shutdownNow();
    subscriptions.close();
    deadLetters.close();
    writer.close();
  }

  /** Delivering: both books read and the reader started. */
  public boolean isStarted() {
    return started;
  }

  public Topics topics() {
    return topics;
  }

  public TopicWriter writer() {
    return writer;
  }

  public SubscriptionBook subscriptions() {
    return subscriptions;
  }

  public DeadLetterBook deadLetters() {
    return deadLetters;
  }

  public DeliveryClient client() {
    return client;
  }

  /**
   * Sends a dead letter again, queued like a new delivery: if it fails again its letter is
   * replaced, if it is delivered its letter is tombstoned.
   *
   * @return false when the dispatcher is full: try again later
   */
  public boolean resend(Subscription subscription, Notification notification) {
    return dispatcher.offer(subscription, notification, () -> {});
  }

  /** Counts deliveries, keeps dead letters durable and clears them once sent again. */
  private final class Listener implements Dispatcher.Listener {

    @Override
    public void delivered(Subscription subscription, Notification notification, int attempts) {
      delivered.increment();
      String key = DeadLetterBook.key(subscription.id(), notification.id());
      if (deadLetters.contains(key)) {
        deadLetters.remove(key);
        writer.send(topics.webhookDeadLetters, key, null);
      }
    }

    @Override
    public CompletionStage<?> deadLettered(Dispatcher.DeadLetter letter) {
      deadLettered.increment();
      DeadLetterBook.Letter kept =
          new DeadLetterBook.Letter(
              letter.subscription().id(),
              letter.notification(),
              letter.reason(),
              letter.attempts(),
              letter.at());
      LOG.infof(
          "dead-lettered %s for subscription %s: %s",
          letter.notification().id(), letter.subscription().id(), letter.reason());
      deadLetters.put(kept);
      CompletableFuture<Void> written =
          writer.send(topics.webhookDeadLetters, kept.key(), DeadLetterBook.toJson(kept));
      written.whenComplete(
          (ok, failure) -> {
            if (failure != null) {
              LOG.errorf(
                  "could not keep the dead letter %s: %s (it is delivered again after a restart)",
                  kept.key(), failure.getMessage());
            }
          });
      return written;
    }
  }
}
