package io.hivemind.analytics.service;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.ModelPrediction;
import io.hivemind.schema.ModelProbability;
import io.hivemind.schema.ReportedBar;
import io.hivemind.schema.Side;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes experiences (as the learner does) and heartbeats (as the gateway does), acknowledged. */
final class AnalyticsFeed implements AutoCloseable {

  private final Topics topics = Topics.withDefaultPrefix();
  private final KafkaProducer<String, SpecificRecord> producer;

  AnalyticsFeed() {
    KafkaStack stack = KafkaStack.shared();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            AvroSerdes.registry(stack.registryUrl()).valueSerde(SpecificRecord.class).serializer());
  }

  /** One learned trade of {@code user}, exited at {@code exit}, a win when {@code pnl > 0}. */
  void trade(String user, String symbol, double pnl, Instant exit, List<String> patterns) {
    trade(user, UUID.randomUUID().toString(), symbol, pnl, exit, patterns);
  }

  /** As above, the trade of signal {@code signalId}. */
  void trade(
      String user,
      String signalId,
      String symbol,
      double pnl,
      Instant exit,
      List<String> patterns) {
    Experience experience =
        Experience.newBuilder()
            .setSignalId(signalId)
            .setUserId(user)
            .setSymbol(symbol)
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
            .setPatterns(patterns)
            .setPrivateUser(false)
            .build();
    send(topics.experiences, user, experience, exit);
  }

  void heartbeat(String user, Instant at) {
    Heartbeat heartbeat =
        Heartbeat.newBuilder()
            .setUserId(user)
            .setBotVersion("test")
            .setSymbols(List.of("ES"))
            .setTimestamp(at)
            .build();
    send(topics.heartbeats, user, heartbeat, at);
  }

  /** A heartbeat with one closed minute bar of {@code symbol}, as the gateway writes it. */
  void bar(String user, Instant at, String symbol, Instant minute, double close) {
    Heartbeat heartbeat =
        Heartbeat.newBuilder()
            .setUserId(user)
            .setBotVersion("test")
            .setSymbols(List.of(symbol))
            .setTimestamp(at)
            .setBars(
                List.of(
                    ReportedBar.newBuilder()
                        .setSymbol(symbol)
                        .setMinute(minute)
                        .setClose(close)
                        .setVolume(100)
                        .build()))
            .build();
    send(topics.heartbeats, user, heartbeat, at);
  }

  /** What the query writes when a bot asks about signal {@code signalId}: both models' say. */
  void prediction(String user, String signalId, double pattern, double challenger, Instant at) {
    ModelPrediction prediction =
        ModelPrediction.newBuilder()
            .setUserId(user)
            .setSignalId(signalId)
            .setAskedAt(at)
            .setServed("pattern")
            .setTier("basic")
            .setPredictions(
                List.of(
                    new ModelProbability("pattern", "v1", pattern),
                    new ModelProbability("challenger", "challenger-lr/f1/test@1.0", challenger)))
            .build();
    send(topics.predictions, user, prediction, at);
  }

  private void send(String topic, String key, SpecificRecord value, Instant time) {
    try {
      producer.send(new ProducerRecord<>(topic, null, time.toEpochMilli(), key, value)).get();
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
