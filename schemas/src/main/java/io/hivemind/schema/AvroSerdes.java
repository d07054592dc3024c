package io.hivemind.schema;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeImpl;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.kiota.http.jdk.JDKRequestAdapter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one place that decides how Avro records are framed on the wire. {@link #registry} writes the
 * Confluent wire format (magic byte, 4-byte schema id, Avro binary) through Apicurio's serde, so
 * any Confluent-format consumer pointed at the registry's {@code /apis/ccompat/v7} API reads the
 * topics. Swapping the registry means changing this file only.
 *
 * <p>A registry that cannot be reached makes these serdes throw, never hang: see {@link
 * RegistryFaults} for telling that apart from bytes that are not a record.
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

  /**
   * Registry-backed serdes, configured once from the registry URL. All of them share one HTTP
   * client (one selector thread) and its timeouts; each keeps its own schema cache.
   */
  final class RegistrySerdes implements AvroSerdes {

    /**
     * Apicurio's JDK adapter waits 30 s to connect and has no request timeout at all: a registry
     * that accepts the connection and never answers (a hung process, a SIGSTOPped one, a black-hole
     * proxy) blocked a Kafka Streams thread for good (seen: still blocked after 90 s). Both bounds
     * stay under Kafka Streams' exactly-once transaction timeout (10 s), so a lookup fails and the
     * task aborts before the coordinator fences it; a registry on the same network answers in
     * milliseconds.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> config;
    private final RegistryClientFacade client;

    private RegistrySerdes(String registryUrl) {
      this(registryUrl, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    RegistrySerdes(String registryUrl, Duration connectTimeout, Duration requestTimeout) {
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
      this.client = client(registryUrl, connectTimeout, requestTimeout);
    }

    /**
     * The client Apicurio would build for {@code HTTP_ADAPTER=JDK} (its factory has no setting for
     * timeouts), with both timeouts set. Without TLS or authentication, as the registry is reached
     * here; add them here when it is not.
     */
    private static RegistryClientFacade client(
        String registryUrl, Duration connectTimeout, Duration requestTimeout) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .build();
      JDKRequestAdapter adapter = new TimedRequestAdapter(http, requestTimeout);
      adapter.setBaseUrl(registryUrl);
      return RegistryCallGuard.around(
          new RegistryClientFacadeImpl(new RegistryClient(adapter)), registryUrl);
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
      AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>(client);
      AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>(client);
      Map<String, Object> serdeConfig = new HashMap<>(config);
      serdeConfig.put(SerdeConfig.IS_KEY, isKey);
      serializer.configure(new HashMap<>(serdeConfig), isKey);
      deserializer.configure(new HashMap<>(serdeConfig), isKey);
      return Serdes.serdeFrom(
          new KnownIdSerializer<>(serializer), new KnownIdDeserializer<>(deserializer));
    }
  }
}
