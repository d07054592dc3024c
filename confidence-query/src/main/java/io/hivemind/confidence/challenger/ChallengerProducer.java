package io.hivemind.confidence.challenger;

import io.hivemind.rules.model.ModelExperiment;
import io.hivemind.rules.model.RegimeTimeline;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.RegimeChange;
import io.hivemind.schema.TopicFollower;
import io.hivemind.schema.Topics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Thin CDI adapter (ADR 22): the challenger this instance holds, the prediction log and the A/B
 * switch from configuration ({@code hivemind.ab.*}).
 */
@Singleton
class ChallengerProducer {

  private volatile TopicFollower regimeFollower;

  @Produces
  @Singleton
  ChallengerView challengers(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String prefix,
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl) {
    return new ChallengerView(
            KafkaConnection.settings(kafkaConfig),
            new Topics(prefix),
            AvroSerdes.registry(registryUrl))
        .start();
  }

  /** Each symbol's regimes, as the analytics publishes their changes (ADR 21, 22). */
  @Produces
  @Singleton
  RegimeTimeline regimes(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String prefix,
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl) {
    RegimeTimeline regimes = new RegimeTimeline();
    regimeFollower =
        regimes.follow(
            KafkaConnection.settings(kafkaConfig),
            new Topics(prefix).regimes,
            AvroSerdes.registry(registryUrl).valueSerde(RegimeChange.class).deserializer());
    return regimes;
  }

  @Produces
  @Singleton
  PredictionLog predictions(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String prefix,
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      MeterRegistry meters) {
    PredictionLog log =
        new PredictionLog(
            KafkaConnection.settings(kafkaConfig),
            new Topics(prefix),
            AvroSerdes.registry(registryUrl));
    FunctionCounter.builder("hivemind.predictions.dropped", log, PredictionLog::dropped)
        .description("predictions not logged: the queue to the broker was full")
        .register(meters);
    FunctionCounter.builder("hivemind.predictions.failed", log, PredictionLog::failed)
        .description("predictions the registry or the broker refused")
        .register(meters);
    return log;
  }

  @Produces
  @Singleton
  ModelExperiment experiment(
      @ConfigProperty(name = "hivemind.ab.challenger-share") double share,
      @ConfigProperty(name = "hivemind.ab.challenger-tiers") Optional<List<String>> tiers,
      @ConfigProperty(name = "hivemind.ab.challenger-users") Optional<List<String>> users) {
    return new ModelExperiment(
        share, Set.copyOf(tiers.orElse(List.of())), Set.copyOf(users.orElse(List.of())));
  }

  void close(@Disposes ChallengerView view) {
    view.close();
  }

  void close(@Disposes PredictionLog log) {
    log.close();
  }

  void close(@Disposes RegimeTimeline regimes) {
    if (regimeFollower != null) {
      regimeFollower.close();
    }
  }
}
