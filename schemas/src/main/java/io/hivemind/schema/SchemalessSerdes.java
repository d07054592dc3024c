package io.hivemind.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Avro binary without framing: the reader and writer schema are both the class's own. */
final class SchemalessSerdes implements AvroSerdes {

  @Override
  public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
    return serde(type);
  }

  @Override
  public <T extends SpecificRecord> Serde<T> keySerde(Class<T> type) {
    return serde(type);
  }

  private static <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(type);
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
    return Serdes.serdeFrom(
        (topic, record) -> {
          if (record == null) {
            return null;
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
          try {
            writer.write(record, encoder);
            encoder.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return out.toByteArray();
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
          } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a " + type.getSimpleName() + " record", e);
          }
        });
  }
}
