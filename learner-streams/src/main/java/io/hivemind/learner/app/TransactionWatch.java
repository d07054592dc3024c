package io.hivemind.learner.app;

import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.transactions.Sweep;
import io.hivemind.schema.transactions.TransactionWatchdog;
import io.hivemind.schema.transactions.WatchedTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the {@link TransactionWatchdog} in the learner, which owns the transactions (ADR 14): every
 * {@code hivemind.transactions.watchdog.interval} it aborts the hanging transactions of the
 * deployment's topics and of the learner's own repartition and changelog topics, counts them
 * ({@code hivemind.transactions.hanging.aborted}), and keeps what it found for readiness ({@code
 * hivemind.transactions.stuck.partitions}, {@link CommittedViewReadinessCheck}).
 */
@ApplicationScoped
class TransactionWatch {

  private static final Logger LOG = Logger.getLogger(TransactionWatch.class);

  private final Map<String, Object> kafkaConfig;
  private final WatchedTopics topics;
  private final Duration interval;
  private final Duration margin;
  private final Optional<Duration> maxTransactionTimeout;
  private final Counter abortedCounter;
  private final AtomicReference<Sweep> last = new AtomicReference<>();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private ScheduledExecutorService executor;
  private Admin admin;

  TransactionWatch(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String topicPrefix,
      @ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId,
      @ConfigProperty(name = "hivemind.transactions.watchdog.interval") Duration interval,
      @ConfigProperty(name = "hivemind.transactions.watchdog.margin") Duration margin,
      @ConfigProperty(name = "hivemind.transactions.watchdog.max-transaction-timeout")
          Optional<Duration> maxTransactionTimeout,
      MeterRegistry registry) {
    this.kafkaConfig = kafkaConfig;
    this.topics = WatchedTopics.of(topicPrefix, applicationId + "-");
    this.interval = interval;
    this.margin = margin;
    this.maxTransactionTimeout = maxTransactionTimeout;
    this.abortedCounter =
        Counter.builder("hivemind.transactions.hanging.aborted")
            .description("hanging transactions the watchdog aborted (ADR 14)")
            .register(registry);
    registry.gauge(
        "hivemind.transactions.stuck.partitions",
        last,
        ref -> ref.get() == null ? 0 : ref.get().stuckPartitions().size());
  }

  void start(@Observes StartupEvent start) {
    admin = Admin.create(KafkaConnection.settings(kafkaConfig));
    TransactionWatchdog watchdog =
        new TransactionWatchdog(admin, topics, margin, maxTransactionTimeout, Clock.systemUTC());
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "hivemind-transaction-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        () -> sweep(watchdog), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sweep(TransactionWatchdog watchdog) {
    try {
      Sweep sweep = watchdog.sweep();
      abortedCounter.increment(sweep.aborted().size());
      last.set(sweep);
      lastFailure.set(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The previous pass's findings stand: a cluster we cannot ask tells nothing new.
      lastFailure.set(String.valueOf(e));
      LOG.infof("transaction watchdog pass failed (next in %s): %s", interval, e);
    }
  }

  void stop(@Observes ShutdownEvent stop) {
    if (executor != null) {
      executor.shutdownNow();
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
  }

  /** The last completed pass, empty before the first. */
  Optional<Sweep> lastSweep() {
    return Optional.ofNullable(last.get());
  }

  /** Why the last pass failed, empty when it completed. */
  Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /** Partitions whose committed view the last pass found stuck, empty when none. */
  List<String> stuckPartitions() {
    return lastSweep().map(Sweep::stuckPartitions).orElse(List.of());
  }
}
