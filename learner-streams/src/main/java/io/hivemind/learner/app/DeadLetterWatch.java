package io.hivemind.learner.app;

import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Exports how far {@code hivemind.dead-letters} has been written, for an operator's alert ({@code
 * ops/prometheus/alerts.yml}): {@code hivemind_dead_letters_end_offset}, the sum of the topic's end
 * offsets, read every {@code hivemind.dead-letters.watch-interval}. It grows with every dead letter
 * any service writes (and with the transaction markers that come with them), so a rise means new
 * poison; -1 until the first read.
 */
@ApplicationScoped
class DeadLetterWatch {

  private static final Logger LOG = Logger.getLogger(DeadLetterWatch.class);

  private final Map<String, Object> kafkaConfig;
  private final String topic;
  private final Duration interval;
  private volatile double endOffset = -1;
  private ScheduledExecutorService executor;
  private Admin admin;

  DeadLetterWatch(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String topicPrefix,
      @ConfigProperty(name = "hivemind.dead-letters.watch-interval") Duration interval,
      MeterRegistry registry) {
    this.kafkaConfig = kafkaConfig;
    this.topic = new Topics(topicPrefix).deadLetters;
    this.interval = interval;
    Gauge.builder("hivemind.dead.letters.end.offset", this, w -> w.endOffset)
        .description("sum of the dead-letter topic's end offsets: grows with every dead letter")
        .register(registry);
  }

  void start(@Observes StartupEvent start) {
    admin = Admin.create(KafkaConnection.settings(kafkaConfig));
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "hivemind-dead-letter-watch");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::read, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void read() {
    try {
      var partitions =
          admin
              .describeTopics(java.util.List.of(topic))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      endOffset =
          admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).values().stream()
              .mapToLong(info -> info.offset())
              .sum();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // the last figure stands: a cluster we cannot ask tells nothing new
      LOG.debugf("dead-letter end offsets not read (next in %s): %s", interval, e);
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
}
