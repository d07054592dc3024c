package io.hivemind.confidence.store;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands the configured topology to the Quarkus Kafka Streams extension, which runs it. */
@ApplicationScoped
class TopologyProducer {

  @Produces
  @Singleton
  AvroSerdes serdes(@ConfigProperty(name = "hivemind.registry.url") String registryUrl) {
    return AvroSerdes.registry(registryUrl);
  }

  @Produces
  @Singleton
  Topics topics(@ConfigProperty(name = "hivemind.topic-prefix") String prefix) {
    return new Topics(prefix);
  }

  @Produces
  @Singleton
  CommunityStats communityStats() {
    return new CommunityStats();
  }

  @Produces
  @Singleton
  Topology topology(AvroSerdes serdes, Topics topics, CommunityStats community) {
    return new StatsTopology(serdes, topics, community).build();
  }
}
