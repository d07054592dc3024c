package io.hivemind.analytics.app;

import io.hivemind.analytics.domain.AnalyticsSettings;
import io.hivemind.analytics.domain.BadgeRules;
import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.analytics.topology.AnalyticsTopology;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands the analytics topology, built from configuration, to Quarkus' Kafka Streams runtime. */
@ApplicationScoped
class TopologyProducer {

  @Produces
  Topology analyticsTopology(
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      @ConfigProperty(name = "hivemind.topic-prefix") String topicPrefix,
      @ConfigProperty(name = AnalyticsSettings.MIN_USERS) int minUsers) {
    return new AnalyticsTopology(
            AvroSerdes.registry(registryUrl),
            new Topics(topicPrefix),
            BadgeRules.v1(),
            FleetBars.Rules.defaults(minUsers))
        .build();
  }
}
