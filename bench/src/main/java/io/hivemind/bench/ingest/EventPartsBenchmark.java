package io.hivemind.bench.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.bench.report.Rounds;
import io.hivemind.botapi.AvroMapping;
import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.botapi.ValidationLimits;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The gateway's own work on one signal, part by part, in one JVM and no stack (issue 18): binding
 * the body (Jackson, with the gateway's strict settings), validating it (contract v1), mapping it
 * to the Avro record, and encoding that record (the Avro binary the registry serde writes behind
 * the topic's frame). The baseline of the same run is Jackson parsing the same body into a tree, so
 * the binding's figure reads beside what reading the JSON alone costs. Parts run interleaved, round
 * after round, over the same bodies (as {@code bench ingest} sends them); each figure is the median
 * of the rounds. The HTTP request, the key check and the producer's send are not in it: {@code
 * bench ingest} measures the whole.
 */
public final class EventPartsBenchmark {

  /** The bodies (distinct signals) and the rounds. */
  public record Settings(int events, int rounds) {}

  /** Runs the rounds and prints each part's median per event. */
  public void run(Settings settings) {
    ObjectMapper json = gatewayMapper();
    RequestValidator validator =
        new RequestValidator(Clock.systemUTC(), ValidationLimits.defaults());
    // the Avro binary the registry serde writes behind a topic's kept frame (same encoder, writer)
    Serializer<Signal> avro =
        SelfDescribingSerdes.of(
                Signal.class, AvroSerdes.withoutRegistry().valueSerde(Signal.class).deserializer())
            .serializer();
    Events events = new Events(Events.newRunTag(), 1_000, Events.SYMBOLS.size(), 18);
    byte[][] bodies = new byte[settings.events()][];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = events.signalJson(events.trade(i)).getBytes(StandardCharsets.UTF_8);
    }
    SignalRequest[] bound = new SignalRequest[bodies.length];
    Signal[] mapped = new Signal[bodies.length];
    String[] parts = {"parse to a tree (baseline)", "binding", "validation", "mapping", "encoding"};
    double[][] perEvent = new double[parts.length][settings.rounds()];
    long sink = 0;
    for (int round = -3; round < settings.rounds(); round++) { // three rounds warm the JIT
      long[] took = new long[parts.length];
      long started = System.nanoTime();
      for (byte[] body : bodies) {
        sink += tree(json, body);
      }
      took[0] = System.nanoTime() - started;
      started = System.nanoTime();
      for (int i = 0; i < bodies.length; i++) {
        bound[i] = bind(json, bodies[i]);
      }
      took[1] = System.nanoTime() - started;
      started = System.nanoTime();
      for (SignalRequest signal : bound) {
        if (!validator.validate(signal).isEmpty()) {
          throw new IllegalStateException("the bench's own signal is invalid: " + signal);
        }
      }
      took[2] = System.nanoTime() - started;
      started = System.nanoTime();
      for (int i = 0; i < bound.length; i++) {
        mapped[i] = AvroMapping.toSignal(bound[i]);
      }
      took[3] = System.nanoTime() - started;
      started = System.nanoTime();
      for (Signal signal : mapped) {
        sink += avro.serialize("hivemind.signals", signal).length;
      }
      took[4] = System.nanoTime() - started;
      if (round >= 0) {
        for (int part = 0; part < parts.length; part++) {
          perEvent[part][round] = took[part] / (double) bodies.length;
        }
      }
    }
    System.out.printf(
        "the gateway's work on one signal (%,d bodies of %d bytes on average), median of %d"
            + " rounds%n",
        bodies.length,
        Arrays.stream(bodies).mapToInt(body -> body.length).sum() / bodies.length,
        settings.rounds());
    double total = 0;
    for (int part = 0; part < parts.length; part++) {
      double micros = Rounds.median(perEvent[part]) / 1000;
      if (part > 0) {
        total += micros;
      }
      System.out.printf("  %-30s %8.2f µs%n", parts[part], micros);
    }
    System.out.printf("  %-30s %8.2f µs%n", "binding to encoding, together", total);
    System.out.printf("  (checksum %d)%n", sink);
  }

  /** Jackson with the settings the gateway's {@code JsonHardening} adds to Quarkus' mapper. */
  private static ObjectMapper gatewayMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // as Quarkus configures it
    return mapper;
  }

  private static int tree(ObjectMapper json, byte[] body) {
    try {
      return json.readTree(body).size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SignalRequest bind(ObjectMapper json, byte[] body) {
    try {
      return json.readValue(body, SignalRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
