package io.hivemind.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.botapi.AvroMapping;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Signal;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The size of a signal's record value as the gateway writes it: the request JSON bound as the
 * gateway binds it, mapped to the Avro {@code Signal} the same way, in the Confluent wire format
 * (magic byte and 4-byte schema id, then Avro binary).
 */
final class WireSize {

  static final int CONFLUENT_HEADER = 5;

  private WireSize() {}

  /** The mean value size over {@code samples} of the benchmark's own signals, rounded. */
  static int signalValueBytes(Events events, int samples) throws IOException {
    ObjectMapper json = new ObjectMapper();
    long total = 0;
    try (Serializer<Signal> avro =
        AvroSerdes.withoutRegistry().valueSerde(Signal.class).serializer()) {
      for (int i = 0; i < samples; i++) {
        SignalRequest request =
            json.readValue(events.signalJson(events.trade(i)), SignalRequest.class);
        total += CONFLUENT_HEADER + avro.serialize("size", AvroMapping.toSignal(request)).length;
      }
    }
    return (int) Math.round((double) total / samples);
  }
}
