package io.hivemind.replay.broker;

import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A log with everything a live log holds: trades in order, outcomes before their signals, retried
 * signals and outcomes, signals live did not trade, outcomes whose signal never came, and a record
 * that is not Avro at all. Record times are set one second apart, so the order the live learner
 * reads them in is the order they were written.
 */
final class LiveLog {

  static final int TRADES = 240;
  static final int USERS = 12;

  /** A user who posts this many outcomes more than may wait for their signals, and no signals. */
  static final String FLOODER = "flooder";

  static final int OVER_CAP = 3;

  final Instant start;
  final Instant end;
  private final Topics topics;
  private final String bootstrap;
  private final AvroSerdes serdes;
  private final List<ProducerRecord<String, Object>> records = new ArrayList<>();
  private Instant now;

  LiveLog(Topics topics, String bootstrap, AvroSerdes serdes, Instant start) {
    this.topics = topics;
    this.bootstrap = bootstrap;
    this.serdes = serdes;
    this.start = start;
    this.now = start;
    Random random = new Random(42);
    List<ProducerRecord<String, Object>> retries = new ArrayList<>();
    for (int i = 0; i < TRADES; i++) {
      String user = "user-" + (i % USERS);
      String id = "s" + i;
      String symbol = i % 3 == 0 ? "NQ" : "ES";
      double pnl =
          random.nextDouble() < 0.55 ? 20 + random.nextInt(80) : -(20 + random.nextInt(60));
      Map<String, Double> features =
          Map.of("rsi", 20 + 60 * random.nextDouble(), "vwap_z", -3 + 6 * random.nextDouble());
      Signal signal = signal(user, id, symbol, features);
      TradeOutcome outcome = outcome(user, id, symbol, pnl);
      if (i % 19 == 0) {
        add(topics.outcomes, user, outcome); // its signal never comes
      } else if (i % 17 == 0) {
        add(topics.signals, user, signal); // live did not trade it
      } else if (i % 7 == 0) {
        add(topics.outcomes, user, outcome); // a bot's offline buffer: outcome first
        add(topics.signals, user, signal);
      } else {
        add(topics.signals, user, signal);
        add(topics.outcomes, user, outcome);
      }
      if (i % 11 == 0) {
        retries.add(record(topics.signals, user, signal));
      }
      if (i % 13 == 0) {
        retries.add(record(topics.outcomes, user, outcome));
      }
      if (i % 30 == 0) {
        retries.forEach(this::addRecord);
        retries.clear();
      }
      if (i == TRADES / 2) {
        add(topics.signals, user, new byte[] {0, 1, 2, 3, 4, 5}); // not a record
      }
    }
    retries.forEach(this::addRecord);
    // Lone outcomes past the cap: live dead-letters the last ones, the replay must skip the same.
    for (int i = 0; i < ReplaySettings.LIVE_MAX_WAITING_OUTCOMES_PER_USER + OVER_CAP; i++) {
      add(topics.outcomes, FLOODER, outcome(FLOODER, "lone-" + i, "ES", i % 2 == 0 ? 40 : -30));
    }
    // A day later: every task's time passes the join horizon, so lone outcomes are learned.
    now = now.plus(Duration.ofHours(25));
    for (int u = 0; u < USERS; u++) {
      String user = "user-" + u;
      add(topics.signals, user, signal(user, "tick-" + u, "ES", Map.of("rsi", 50.0)));
    }
    add(topics.signals, FLOODER, signal(FLOODER, "tick", "ES", Map.of("rsi", 50.0)));
    end = now;
  }

  int size() {
    return records.size();
  }

  void write() throws ExecutionException, InterruptedException {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true);
    Serializer<SpecificRecord> avro = serdes.valueSerde(SpecificRecord.class).serializer();
    ByteArraySerializer bytes = new ByteArraySerializer();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), bytes)) {
      for (ProducerRecord<String, Object> record : records) {
        byte[] value =
            record.value() instanceof byte[] raw
                ? raw
                : avro.serialize(record.topic(), (SpecificRecord) record.value());
        producer
            .send(
                new ProducerRecord<>(record.topic(), null, record.timestamp(), record.key(), value))
            .get();
      }
    }
  }

  private Signal signal(String user, String id, String symbol, Map<String, Double> features) {
    return new Signal(id, user, symbol, Side.LONG, 4500.25, now, "vwap_rsi", features);
  }

  private TradeOutcome outcome(String user, String id, String symbol, double pnl) {
    return new TradeOutcome(
        id,
        user,
        symbol,
        Side.LONG,
        4500.0,
        4500.0 + pnl / 50,
        now.minusSeconds(300),
        now,
        1,
        pnl,
        pnl > 0 ? "TARGET" : "STOP",
        false);
  }

  private void add(String topic, String user, Object value) {
    addRecord(record(topic, user, value));
  }

  private ProducerRecord<String, Object> record(String topic, String user, Object value) {
    return new ProducerRecord<>(topic, null, 0L, user, value);
  }

  private void addRecord(ProducerRecord<String, Object> record) {
    records.add(
        new ProducerRecord<>(
            record.topic(), null, now.toEpochMilli(), record.key(), record.value()));
    now = now.plusSeconds(1);
  }
}
