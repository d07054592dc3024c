package io.hivemind.gateway.clock;

import io.hivemind.gateway.IngestConfig;
import io.hivemind.gateway.kafka.ProducerSettings;
import io.hivemind.schema.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Runs the {@link ClockProbe} at startup, before the first request, and then every {@code
 * hivemind.ingest.clock-probe-interval} on a thread of its own, and hands each measurement to
 * {@link BrokerTime}. A failed probe keeps the last measurement: a clock drifts by milliseconds a
 * day, so an offset some minutes old still corrects well.
 */
@ApplicationScoped
class ClockProbes {

  private static final Logger LOG = Logger.getLogger(ClockProbes.class);

  private final BrokerTime time;
  private final ClockProbe probe;
  private final Duration interval;
  private final Duration maxOffset;
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "hivemind-clock-probe");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean warned;

  ClockProbes(
      BrokerTime time,
      Topics topics,
      IngestConfig config,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.time = time;
    this.interval = config.clockProbeInterval();
    this.maxOffset = config.maxClockOffset();
    this.probe =
        new ClockProbe(
            new KafkaProducer<>(
                ProducerSettings.forClockProbe(kafkaConfig, config.sendTimeout()),
                new StringSerializer(),
                new StringSerializer()),
            topics.clockProbes,
            System.getenv().getOrDefault("HOSTNAME", "ingest-gateway"),
            time.host(),
            config.sendTimeout());
  }

  void start(@Observes StartupEvent started) {
    probeOnce();
    scheduler.scheduleWithFixedDelay(
        this::probeOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Probes that failed since the last one that came back. */
  int failuresInARow() {
    return failuresInARow.get();
  }

  private void probeOnce() {
    try {
      ClockOffset offset = probe.measure();
      time.record(offset);
      failuresInARow.set(0);
      warnOnChange(offset);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      int failures = failuresInARow.incrementAndGet();
      LOG.warnf(
          "clock probe failed (%d in a row), keeping the offset of %s: %s",
          failures, time.latest().measuredAt(), e.getMessage());
    }
  }

  private void warnOnChange(ClockOffset offset) {
    boolean exceeds = offset.exceeds(maxOffset);
    if (exceeds && !warned) {
      LOG.warnf(
          "this host's clock is %d ms behind the broker's (negative: ahead; ±%d ms), more than"
              + " %s: event timestamps and event-time checks are corrected by it; fix the host's"
              + " time synchronisation",
          offset.offset().toMillis(), offset.uncertainty().toMillis(), maxOffset);
    } else if (!exceeds && warned) {
      LOG.infof(
          "this host's clock is within %s of the broker's again (%d ms)",
          maxOffset, offset.offset().toMillis());
    }
    warned = exceeds;
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
    probe.close();
  }
}
