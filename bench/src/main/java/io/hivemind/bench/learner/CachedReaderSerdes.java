package io.hivemind.bench.learner;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroDatumProvider;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.SpecificRecordDatumProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * An experiment, not the project's serde: {@link AvroSerdes#registry}'s configuration exactly (same
 * registry, same Confluent framing, same bytes on the wire), except that the datum reader built for
 * a writer schema is kept and reused. Apicurio's deserializer asks its datum provider for a new
 * reader on every record, and a new Avro reader resolves the writer schema against the reader
 * schema again ({@code Resolver.resolve}, {@code Schema.equals}) before it reads a byte. The
 * bench's {@code --serde cached-readers} measures what caching that in the project's {@code
 * SpecificRecordDatumProvider} would give.
 */
final class CachedReaderSerdes implements AvroSerdes {

  private final Map<String, Object> config;

  CachedReaderSerdes(String registryUrl) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(SchemaResolverConfig.REGISTRY_URL, registryUrl);
    settings.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, true);
    settings.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, CachingProvider.class);
    settings.put(SchemaResolverConfig.HTTP_ADAPTER, "JDK");
    settings.put(SchemaResolverConfig.CHECK_PERIOD_MS, Duration.ofDays(365).toMillis());
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

  /**
   * The project's provider, with one reader per writer schema. A reader's resolved decoding tree
   * holds no per-read state, so the stream threads may share it.
   */
  public static final class CachingProvider<T> implements AvroDatumProvider<T> {

    private final SpecificRecordDatumProvider<T> delegate = new SpecificRecordDatumProvider<>();
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
      return delegate.createDatumWriter(data, schema);
    }

    @Override
    public DatumReader<T> createDatumReader(Schema writerSchema) {
      return readers.computeIfAbsent(writerSchema, delegate::createDatumReader);
    }

    @Override
    public Schema toSchema(T data) {
      return delegate.toSchema(data);
    }
  }
}
