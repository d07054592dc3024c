package io.hivemind.notifier.app;

import io.hivemind.notifier.event.NotificationTopology;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands the events topology to Quarkus' Kafka Streams runtime. */
@ApplicationScoped
class TopologyProducer {

  @Produces
  Topology notificationTopology(
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      @ConfigProperty(name = "hivemind.topic-prefix") String topicPrefix,
      @ConfigProperty(name = "hivemind.community.min-contributors") int minUsers,
      NotifierConfig config) {
    return new NotificationTopology(
            AvroSerdes.registry(registryUrl),
            new Topics(topicPrefix),
            new NotificationTopology.Settings(
                config.silentAfter(),
                config.silenceCheck(),
                config.summaryGrace(),
                config.summaryCheck(),
                minUsers))
        .build();
  }
}
