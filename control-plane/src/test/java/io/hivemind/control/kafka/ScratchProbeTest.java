package io.hivemind.control.kafka;

import io.hivemind.control.domain.*;
import io.hivemind.schema.*;
import io.hivemind.testkit.KafkaStack;
import java.time.*;
import java.util.*;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class ScratchProbeTest {
  @Test
  void probe() throws Exception {
    KafkaStack stack = KafkaStack.shared();
    Topics topics = new Topics("probe-" + UUID.randomUUID() + ".");
    stack.createTopics(topics, 1);
    Serializer<SpecificRecord> values = AvroSerdes.registry(stack.registryUrl()).valueSerde(SpecificRecord.class).serializer();
    AtomicBoolean fail = new AtomicBoolean(true);
    Serializer<SpecificRecord> flaky = (t, r) -> { if (r instanceof ControlCommand && fail.getAndSet(false)) throw new IllegalStateException("x"); return values.serialize(t, r); };
    try (ControlPublisher p = new ControlPublisher(Map.of("bootstrap.servers", stack.bootstrapServers()), topics, flaky, Duration.ofSeconds(10))) {
      for (int i = 0; i < 3; i++) {
        ControlEntry e = new ControlEntry(Scope.user("u" + i), new Setting.ManualTrading(TradingState.HALTED), new Provenance("c" + i, Instant.now(), "a", "r"));
        try { p.publish("x", "a", Optional.empty(), e); System.out.println("PROBE publish " + i + " ok"); }
        catch (Exception ex) { System.out.println("PROBE publish " + i + " threw " + ex + " cause " + ex.getCause()); }
      }
    }
  }
}
