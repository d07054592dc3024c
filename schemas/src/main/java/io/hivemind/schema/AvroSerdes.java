package io.hivemind.schema;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The one place that decides how Avro records are framed on the wire. Records are written in the
 * Confluent wire format (magic byte, 4-byte schema id, Avro binary) through Apicurio's serde, so
 * any Confluent-format consumer pointed at the registry's {@code /apis/ccompat/v7} API reads them.
 * Swapping the registry means changing this class only.
 */
public final class AvroSerdes {

  private final Map<String, Object> config;

  private AvroSerdes(Map<String, Object> config) {
    this.config = Map.copyOf(config);
  }

  /**
   * Serdes backed by the registry at {@code registryUrl} (Apicurio's v3 API base, e.g. {@code
   * http://127.0.0.1:8085/apis/registry/v3}); schemas are registered on first write.
   */
  public static AvroSerdes registry(String registryUrl) {
    Map<String, Object> config = new HashMap<>();
    config.put(SchemaResolverConfig.REGISTRY_URL, registryUrl);
    config.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, true);
    config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
    return new AvroSerdes(config);
  }

  /** The serde configuration as properties, for a plain Kafka producer or consumer. */
  public Map<String, Object> clientConfig() {
    return config;
  }

  public <T extends SpecificRecord> Serde<T> valueSerde() {
    return serde(false);
  }

  public <T extends SpecificRecord> Serde<T> keySerde() {
    return serde(true);
  }

  private <T extends SpecificRecord> Serde<T> serde(boolean isKey) {
    AvroSerde<T> serde = new AvroSerde<>();
    Map<String, Object> serdeConfig = new HashMap<>(config);
    serdeConfig.put(SerdeConfig.IS_KEY, isKey);
    serde.configure(serdeConfig, isKey);
    return serde;
  }
}
