package io.hivemind.notifier.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The notifier's settings ({@code hivemind.notifier.*}, docs/notifications.md). */
@ConfigMapping(prefix = "hivemind.notifier")
public interface NotifierConfig {

  /** Deliveries to loopback addresses (the tests' receivers); never in production. */
  @WithDefault("false")
  boolean allowLoopback();

  /** Deliveries to private addresses (a receiver inside the deployment). */
  @WithDefault("false")
  boolean allowPrivate();

  /** How long one attempt may take, connecting included. */
  Duration timeout();

  /** Attempts of one delivery before it is dead-lettered. */
  int maxAttempts();

  /** How long a delivery is retried before it is dead-lettered, whatever its attempts. */
  Duration maxAge();

  /** The first retry's pause, doubled up to {@link #backoffMax}, half of it jittered. */
  Duration backoffBase();

  Duration backoffMax();

  /** The longest {@code Retry-After} honoured. */
  Duration maxRetryAfter();

  /** Deliveries open at once; beyond it the reader pauses. */
  int capacity();

  /** A generic webhook's pace: at most this many a second (Discord, Slack, Telegram: fixed). */
  int webhookRate();

  /** The reader's consumer group. */
  String group();

  /** How long without a heartbeat before a bot is told silent (crashed). */
  Duration silentAfter();

  /** How often the bots' last heartbeats are checked. */
  Duration silenceCheck();

  /** How long after a day (UTC) or week ends its summary waits for trades learned late. */
  Duration summaryGrace();

  /** How often ended days and weeks are looked for. */
  Duration summaryCheck();

  /** The learner's consumer group (its Kafka Streams application id). */
  String learnerGroup();

  /** Learning lags when its group is over this many records behind the signals and outcomes… */
  long lagBound();

  /** …for this long on end. */
  Duration lagFor();

  /** How often the learner's lag is measured. */
  Duration lagCheck();

  /** How long to wait at startup for the subscriptions and dead letters to be read. */
  Duration booksWait();
}
