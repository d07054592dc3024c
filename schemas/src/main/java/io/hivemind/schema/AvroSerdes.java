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
 * The one place that decides how Avro records are framed on the wire. {@link #registry} writes the
 * Confluent wire format (magic byte, 4-byte schema id, Avro binary) through Apicurio's serde, so
 * any Confluent-format consumer pointed at the registry's {@code /apis/ccompat/v7} API reads the
 * topics. Swapping the registry means changing this file only.
 */
public interface AvroSerdes {

  <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type);

  <T extends SpecificRecord> Serde<T> keySerde(Class<T> type);

  /**
   * Serdes backed by the registry at {@code registryUrl} (Apicurio's v3 API base, e.g. {@code
   * http://127.0.0.1:8085/apis/registry/v3}); schemas are registered on first write.
   */
  static AvroSerdes registry(String registryUrl) {
    return new RegistrySerdes(registryUrl);
  }

  /**
   * Plain Avro binary with the writer schema taken from the class: for topology tests and files,
   * never for topics.
   */
  static AvroSerdes withoutRegistry() {
    return new SchemalessSerdes();
  }

  /** Registry-backed serdes, configured once from the registry URL. */
  final class RegistrySerdes implements AvroSerdes {

    private final Map<String, Object> config;

    private RegistrySerdes(String registryUrl) {
      Map<String, Object> settings = new HashMap<>();
      settings.put(SchemaResolverConfig.REGISTRY_URL, registryUrl);
      settings.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, true);
      settings.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SpecificRecordDatumProvider.class);
      // The JDK's HTTP client: left to AUTO, the serde borrows Quarkus' Vert.x, and a first
      // schema lookup made on an event-loop thread then waits on the loop it is blocking.
      settings.put(SchemaResolverConfig.HTTP_ADAPTER, "JDK");
      // A schema id never changes what it names: keep every lookup for the life of the process,
      // so a registry outage cannot fail records whose schemas are already known (the default
      // re-fetches every 30 s, from inside send() and store reads), and a failed refresh keeps the
      // cached schema.
      settings.put(SchemaResolverConfig.CHECK_PERIOD_MS, java.time.Duration.ofDays(365).toMillis());
      settings.put(SchemaResolverConfig.FAULT_TOLERANT_REFRESH, true);
      this.config = Map.copyOf(settings);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
      return configured(false);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> keySerde(Class<T> type) {
      return configured(true);
    }

    private <T extends SpecificRecord> Serde<T> configured(boolean isKey) {
      AvroSerde<T> serde = new AvroSerde<>();
      Map<String, Object> serdeConfig = new HashMap<>(config);
      serdeConfig.put(SerdeConfig.IS_KEY, isKey);
      serde.configure(serdeConfig, isKey);
      return serde;
    }
  }
}
