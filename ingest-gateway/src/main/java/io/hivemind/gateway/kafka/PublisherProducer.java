package io.hivemind.gateway.kafka;

import io.hivemind.gateway.IngestConfig;
import io.hivemind.gateway.clock.BrokerTime;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Thin CDI adapter: builds the publisher and the topic names from configuration. */
@Singleton
class PublisherProducer {

  @Produces
  @Singleton
  Topics topics(@ConfigProperty(name = "hivemind.topic-prefix") String prefix) {
    return new Topics(prefix);
  }

  @Produces
  @Singleton
  EventPublisher eventPublisher(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      IngestConfig config,
      MeterRegistry meterRegistry,
      BrokerTime brokerTime) {
    Serializer<SpecificRecord> values =
        AvroSerdes.registry(registryUrl).valueSerde(SpecificRecord.class).serializer();
    KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            ProducerSettings.forIngest(kafkaConfig, config.sendTimeout()),
            new StringSerializer(),
            values);
    return new EventPublisher(
        producer,
        values,
        config.sendTimeout(),
        new PublishMetrics(meterRegistry),
        Infrastructure.getDefaultWorkerPool(),
        brokerTime.clock());
  }

  void close(@Disposes EventPublisher publisher) {
    publisher.close();
  }
}
