package io.hivemind.notifier.service;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.ControlCommand;
import io.hivemind.schema.ControlState;
import io.hivemind.schema.ControlTrading;
import io.hivemind.schema.ControlTradingState;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what the notifier tells of: experiences (as the learner), audit records (as the gateway).
 */
final class NotifierFeed implements AutoCloseable {

  private final Topics topics = Topics.withDefaultPrefix();
  private final KafkaProducer<String, byte[]> producer;
  private final Serializer<SpecificRecord> registry;
  private final Serializer<ControlCommand> selfDescribing =
      SelfDescribingSerdes.of(ControlCommand.class).serializer();

  NotifierFeed() {
    KafkaStack stack = KafkaStack.shared();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    registry =
        AvroSerdes.registry(stack.registryUrl()).valueSerde(SpecificRecord.class).serializer();
  }

  void trade(String user, String signalId, double pnl) {
    Instant exit = Instant.now();
    send(
        topics.experiences,
        user,
        Experience.newBuilder()
            .setSignalId(signalId)
            .setUserId(user)
            .setSymbol("ES")
            .setSide(Side.LONG)
            .setSignalMatched(true)
            .setSignalTime(exit.minusSeconds(301))
            .setEntryTime(exit.minusSeconds(300))
            .setExitTime(exit)
            .setFeatures(Map.of())
            .setPnl(pnl)
            .setWin(pnl > 0)
            .setExitReason("target")
            .setScheme("v1")
            .setPatterns(List.of("ES|LONG"))
            .setPrivateUser(false)
            .build());
  }

  /** A record on the signals topic: nothing learns it in these tests. */
  void unlearnedSignal(String user) {
    sendBytes(topics.signals, user, new byte[] {0});
  }

  void heartbeat(String user, Instant at) {
    send(
        topics.heartbeats,
        user,
        Heartbeat.newBuilder()
            .setUserId(user)
            .setBotVersion("test")
            .setSymbols(List.of("ES"))
            .setTimestamp(at)
            .build());
  }

  void halt(String commandId, String scope, String reason) {
    Instant now = Instant.now();
    ControlState after =
        ControlState.newBuilder()
            .setScope(scope)
            .setSetting(new ControlTrading(ControlTradingState.HALTED))
            .setCommandId(commandId)
            .setUpdatedAt(now)
            .setUpdatedBy("key:test/ops")
            .setReason(reason)
            .build();
    ControlCommand command =
        ControlCommand.newBuilder()
            .setCommandId(commandId)
            .setCommand("halt")
            .setScope(scope)
            .setActor("key:test/ops")
            .setReason(reason)
            .setIssuedAt(now)
            .setBefore(null)
            .setAfter(after)
            .build();
    // as the gateway writes the audit trail: self-describing, no registry (ADR 10)
    sendBytes(topics.audit, scope, selfDescribing.serialize(topics.audit, command));
  }

  private void send(String topic, String key, SpecificRecord value) {
    sendBytes(topic, key, registry.serialize(topic, value));
  }

  private void sendBytes(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the broker refused a test record", e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
