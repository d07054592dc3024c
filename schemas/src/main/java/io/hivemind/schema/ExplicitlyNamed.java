package io.hivemind.schema;

import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;

/**
 * A {@link StreamsBuilder} whose {@code build()} fails on any generated internal name (store,
 * changelog, repartition topic). Kafka Streams checks the flag while {@code build()} runs and reads
 * it from the builder's {@link TopologyConfig}, not from the running application's config, so the
 * topologies of this project are built with this builder.
 */
public final class ExplicitlyNamed {

  private ExplicitlyNamed() {}

  public static StreamsBuilder streamsBuilder() {
    // A TopologyConfig can only be made from a complete StreamsConfig; the id and servers below
    // are never used to connect.
    return new StreamsBuilder(
        new TopologyConfig(
            new StreamsConfig(
                Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG, "naming-check",
                    StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                    StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true))));
  }
}
