package io.hivemind.confidence.challenger;

import io.hivemind.rules.model.ServedAnswer;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.ModelPrediction;
import io.hivemind.schema.ModelProbability;
import io.hivemind.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Writes what every model said about a signal to {@code hivemind.predictions} (ADR 22), keyed by
 * user, for the analytics to score against the trade's outcome. Off the answer's path: a question
 * only enqueues; one thread encodes (the registry is asked once per schema) and sends. The log is
 * telemetry, not a bot's data: when the queue is full (the broker or the registry away for long) a
 * prediction is dropped and counted, never waited for; the bot's answer is never held up.
 */
public final class PredictionLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PredictionLog.class);
  private static final int QUEUE = 10_000;

  private final String topic;
  private final Serializer<ModelPrediction> encoder;
  private final KafkaProducer<String, byte[]> producer;
  private final ThreadPoolExecutor sender;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public PredictionLog(Map<String, Object> connection, Topics topics, AvroSerdes serdes) {
    this.topic = topics.predictions;
    this.encoder = serdes.valueSerde(ModelPrediction.class).serializer();
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "hivemind-predictions");
    this.producer =
        new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            runnable -> {
              Thread thread = new Thread(runnable, "prediction-log");
              thread.setDaemon(true);
              return thread;
            },
            (runnable, executor) -> dropped.incrementAndGet());
  }

  /**
   * Logs {@code served}'s predictions for {@code signalId}, asked by {@code userId} at {@code at}.
   */
  public void record(String userId, String signalId, String tier, ServedAnswer served, Instant at) {
    List<ModelProbability> said = new ArrayList<>(served.predictions().size());
    for (ServedAnswer.Prediction prediction : served.predictions()) {
      said.add(
          new ModelProbability(prediction.model(), prediction.version(), prediction.probability()));
    }
    ModelPrediction prediction =
        ModelPrediction.newBuilder()
            .setUserId(userId)
            .setSignalId(signalId)
            .setAskedAt(at)
            .setServed(served.model())
            .setTier(tier == null ? "" : tier)
            .setPredictions(said)
            .build();
    sender.execute(() -> send(prediction));
  }

  private void send(ModelPrediction prediction) {
    try {
      byte[] value = encoder.serialize(topic, prediction);
      producer.send(
          new ProducerRecord<>(topic, prediction.getUserId(), value),
          (metadata, failure) -> {
            if (failure != null) {
              failed.incrementAndGet();
            }
          });
    } catch (RuntimeException e) {
      if (failed.getAndIncrement() == 0) {
        LOG.warnf("a prediction could not be logged (%s); counting further ones", e.getMessage());
      }
    }
  }

  /** Predictions not logged because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Predictions the registry or the broker refused. */
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
