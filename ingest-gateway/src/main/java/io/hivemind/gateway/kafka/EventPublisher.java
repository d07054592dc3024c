package io.hivemind.gateway.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records to Kafka and completes only when the broker acknowledged them (acks=all), or fails
 * with a {@link PublishException} once the send timeout passed. Nothing waits on a thread: the
 * result is completed from the producer's callback, back on the caller's Vert.x context.
 */
public final class EventPublisher implements AutoCloseable {

  private final Producer<String, SpecificRecord> producer;
  private final Serializer<SpecificRecord> valueSerializer;
  private final Duration sendTimeout;
  private final PublishMetrics metrics;
  private final Executor blockingExecutor;
  private final Clock clock;
  private final Set<String> readyTopics = ConcurrentHashMap.newKeySet();

  /**
   * @param valueSerializer the serializer {@code producer} was built with, used by {@link #prepare}
   *     to register schemas ahead of the first request
   * @param blockingExecutor where sends to a topic that is not {@link #prepare prepared} yet run,
   *     because their {@code send()} may wait on the network for metadata or the registry
   * @param clock the broker's time as this host best knows it (ADR 16): every record without a
   *     timestamp of its own is stamped with it, never with the producer's own host-clock time,
   *     which the broker refuses once it is more than {@code log.message.timestamp.after.max.ms}
   *     ahead
   */
  public EventPublisher(
      Producer<String, SpecificRecord> producer,
      Serializer<SpecificRecord> valueSerializer,
      Duration sendTimeout,
      PublishMetrics metrics,
      Executor blockingExecutor,
      Clock clock) {
    this.producer = producer;
    this.valueSerializer = valueSerializer;
    this.sendTimeout = sendTimeout;
    this.metrics = metrics;
    this.blockingExecutor = blockingExecutor;
    this.clock = clock;
  }

  /**
   * Fetches the topic's metadata and registers the value schema of {@code sample} (the serializer
   * caches it), so later sends to the topic do not touch the network inside {@code send()}.
   * Blocking, bounded by the producer's max.block.ms: call it at startup or from a worker.
   */
  public void prepare(String topic, SpecificRecord sample) {
    producer.partitionsFor(topic);
    valueSerializer.serialize(topic, sample);
    readyTopics.add(topic);
  }

  public boolean isPrepared(String topic) {
    return readyTopics.contains(topic);
  }

  /** Sends one record; completes with where it landed once the broker acknowledged it. */
  public Uni<Published> publish(String topic, String key, SpecificRecord value) {
    return publishAll(List.of(new ProducerRecord<>(topic, key, value))).map(all -> all.get(0));
  }

  /**
   * Sends records in order; completes when every one was acknowledged, fails on the first that was
   * not. Some records may have been written when it fails: callers retry with the same ids and the
   * learner drops the duplicates.
   */
  public Uni<List<Published>> publishAll(List<ProducerRecord<String, SpecificRecord>> records) {
    if (records.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Context callerContext = Vertx.currentContext();
    Uni<List<Published>> sending =
        Uni.createFrom().emitter(emitter -> sendAll(records, callerContext, emitter));
    if (!records.stream().allMatch(record -> isPrepared(record.topic()))) {
      sending = sending.runSubscriptionOn(blockingExecutor);
    }
    String topic = records.get(0).topic();
    return sending
        .ifNoItem()
        .after(sendTimeout)
        .failWith(() -> PublishException.timedOut(topic, sendTimeout));
  }

  private void sendAll(
      List<ProducerRecord<String, SpecificRecord>> records,
      Context callerContext,
      UniEmitter<? super List<Published>> emitter) {
    Published[] published = new Published[records.size()];
    AtomicInteger pending = new AtomicInteger(records.size());
    AtomicBoolean failed = new AtomicBoolean();
    long started = System.nanoTime();
    for (int i = 0; i < records.size(); i++) {
      ProducerRecord<String, SpecificRecord> record = stamped(records.get(i));
      int index = i;
      try {
        producer.send(
            record,
            (metadata, error) -> {
              if (error != null) {
                fail(record.topic(), error, failed, callerContext, emitter);
                return;
              }
              readyTopics.add(record.topic());
              metrics.acknowledged(record.topic(), Duration.ofNanos(System.nanoTime() - started));
              published[index] =
                  new Published(metadata.topic(), metadata.partition(), metadata.offset());
              // the counter orders the callbacks' writes before the completing read
              if (pending.decrementAndGet() == 0 && !failed.get()) {
                onContext(callerContext, () -> emitter.complete(Arrays.asList(published)));
              }
            });
      } catch (RuntimeException e) {
        // send() itself refused (serialization, buffer full, no metadata in max.block.ms)
        fail(record.topic(), e, failed, callerContext, emitter);
        return;
      }
    }
  }

  private ProducerRecord<String, SpecificRecord> stamped(
      ProducerRecord<String, SpecificRecord> record) {
    if (record.timestamp() != null) {
      return record;
    }
    return new ProducerRecord<>(
        record.topic(),
        record.partition(),
        clock.millis(),
        record.key(),
        record.value(),
        record.headers());
  }

  private void fail(
      String topic,
      Throwable error,
      AtomicBoolean failed,
      Context callerContext,
      UniEmitter<? super List<Published>> emitter) {
    PublishException failure = PublishException.of(topic, error);
    metrics.failed(topic, failure.retriable());
    if (failed.compareAndSet(false, true)) {
      onContext(callerContext, () -> emitter.fail(failure));
    }
  }

  /** The producer's I/O thread must not run the HTTP response: hand back to the request's loop. */
  private static void onContext(Context context, Runnable action) {
    if (context == null) {
      action.run();
    } else {
      context.runOnContext(ignored -> action.run());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
