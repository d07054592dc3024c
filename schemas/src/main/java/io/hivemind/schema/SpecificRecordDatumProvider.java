package io.hivemind.schema;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Reads every record into this module's generated class, resolving the writer's schema (from the
 * registry) against the class's own schema: that is what makes BACKWARD-compatible evolution work
 * for readers. Classes are looked up through this module's class loader rather than the thread's,
 * which under Quarkus and Kafka Streams is not the one that holds them.
 *
 * <p>Apicurio's serde asks for a new reader and writer for every record, and a new reader resolves
 * the writer's schema against the class's all over again before it reads a byte: measured, 40 % of
 * the learner's stream thread. So each thread keeps one reader per writer schema and one writer per
 * schema (per thread, as Avro makes no promise that a reader may be shared between threads).
 */
public final class SpecificRecordDatumProvider<T> implements AvroDatumProvider<T> {

  private static final SpecificData SPECIFIC = specificData();

  /**
   * The model every reader and writer of this module's generated classes uses: this module's class
   * loader, and the logical-type conversions. The model a generated class carries ({@code MODEL$})
   * looks classes up through Avro's own class loader, which under Quarkus' test class loaders finds
   * a second copy of them.
   */
  static SpecificData model() {
    return SPECIFIC;
  }

  private static SpecificData specificData() {
    SpecificData data = new SpecificData(SpecificRecordDatumProvider.class.getClassLoader());
    // the logical types our schemas use; generated classes hold java.time values for them
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    return data;
  }

  private final ThreadLocal<Map<Schema, DatumReader<T>>> readers =
      ThreadLocal.withInitial(HashMap::new);
  private final ThreadLocal<Map<Schema, DatumWriter<T>>> writers =
      ThreadLocal.withInitial(HashMap::new);

  @Override
  public DatumWriter<T> createDatumWriter(T data, Schema schema) {
    return writers.get().computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SPECIFIC));
  }

  @Override
  public DatumReader<T> createDatumReader(Schema writerSchema) {
    return readers.get().computeIfAbsent(writerSchema, SpecificRecordDatumProvider::newReader);
  }

  private static <T> DatumReader<T> newReader(Schema writerSchema) {
    Class<?> type = SPECIFIC.getClass(writerSchema);
    if (type == null) {
      throw new IllegalStateException("no generated class for " + writerSchema.getFullName());
    }
    return new SpecificDatumReader<>(writerSchema, SPECIFIC.getSchema(type), SPECIFIC);
  }

  @Override
  public Schema toSchema(T data) {
    return ((GenericContainer) data).getSchema();
  }
}
