package io.hivemind.learner.app;

import io.hivemind.learner.topology.LearnerTopology;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands the learning topology, built from configuration, to Quarkus' Kafka Streams runtime. */
@ApplicationScoped
class TopologyProducer {

  @Produces
  Topology learnerTopology(
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      @ConfigProperty(name = "hivemind.topic-prefix") String topicPrefix,
      @ConfigProperty(name = "hivemind.learner.join-horizon") Duration joinHorizon,
      @ConfigProperty(name = "hivemind.learner.half-life") Duration halfLife,
      @ConfigProperty(name = "hivemind.learner.community-cap-per-day") int communityCapPerDay,
      @ConfigProperty(name = "hivemind.learner.max-waiting-outcomes-per-user")
          long maxWaitingOutcomesPerUser,
      @ConfigProperty(name = "hivemind.learner.retry-horizon") Duration retryHorizon) {
    return new LearnerTopology(
            AvroSerdes.registry(registryUrl),
            new Topics(topicPrefix),
            new LearnerSettings(
                joinHorizon,
                halfLife,
                PatternScheme.v1(),
                communityCapPerDay,
                maxWaitingOutcomesPerUser,
                retryHorizon))
        .build();
  }
}
