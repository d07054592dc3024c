package io.hivemind.gateway.control;

import io.hivemind.control.domain.BotHeartbeat;
import io.hivemind.control.domain.BotRoster;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.TopicFollower;
import io.hivemind.schema.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link BotRoster} current from hivemind.heartbeats, every partition, starting one
 * active window back, so every gateway instance knows every bot (who is online, who has
 * acknowledged a force-close) whichever instance its heartbeats went through.
 */
@ApplicationScoped
class HeartbeatFollower {

  private static final Logger LOG = Logger.getLogger(HeartbeatFollower.class);

  private final TopicFollower follower;
  private final Deserializer<Heartbeat> values;
  private final BotRoster roster;
  private final String topic;

  HeartbeatFollower(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      Topics topics,
      ControlConfig config,
      BotRoster roster) {
    this.roster = roster;
    this.topic = topics.heartbeats;
    this.values = AvroSerdes.registry(registryUrl).valueSerde(Heartbeat.class).deserializer();
    this.follower =
        new TopicFollower(
            KafkaConnection.settings(kafkaConfig),
            topics.heartbeats,
            Instant.now().minus(config.activeWindow()),
            this::record);
  }

  void start(@Observes StartupEvent start) {
    follower.start();
  }

  void stop(@Observes ShutdownEvent stop) {
    follower.close();
  }

  private void record(List<ConsumerRecord<byte[], byte[]>> records) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      try {
        Heartbeat heartbeat = values.deserialize(topic, record.value());
        roster.record(
            new BotHeartbeat(
                heartbeat.getUserId(),
                heartbeat.getBotVersion(),
                heartbeat.getStatus(),
                heartbeat.getOpenPositions(),
                heartbeat.getSymbols(),
                heartbeat.getTimestamp(),
                heartbeat.getForceCloseAck()));
      } catch (RuntimeException e) {
        LOG.warnf(
            "skipping unreadable heartbeat at %s-%d@%d",
            topic, record.partition(), record.offset());
      }
    }
  }
}
