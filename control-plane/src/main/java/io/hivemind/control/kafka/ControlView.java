package io.hivemind.control.kafka;

import io.hivemind.control.domain.BotContext;
import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.ControlSnapshot;
import io.hivemind.control.domain.EffectiveState;
import io.hivemind.schema.ControlState;
import io.hivemind.schema.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * This instance's copy of the control topic: every setting of the fleet, kept current by a {@link
 * TopicFollower}, and the listeners to tell when it changes. Every service holds one; what one bot
 * may do is evaluated from it locally, so control never adds a network hop to a request.
 */
public final class ControlView implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ControlView.class);

  private final Deserializer<ControlState> values;
  private final String topic;
  private final Clock clock;
  private final List<Consumer<ControlSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private final TopicFollower follower;
  private final Object changed = new Object();
  private volatile ControlSnapshot snapshot = ControlSnapshot.EMPTY;

  public ControlView(
      Map<String, Object> connection,
      String topic,
      Deserializer<ControlState> values,
      Clock clock) {
    this.values = values;
    this.topic = topic;
    this.clock = clock;
    this.follower = new TopicFollower(connection, topic, null, this::apply);
    this.follower.onStatusChange(
        () -> {
          synchronized (changed) {
            changed.notifyAll();
          }
        });
  }

  public ControlView start() {
    follower.start();
    return this;
  }

  /**
   * Waits until every setting that was on the topic at start is in the view. A service must not act
   * on an empty view: the fleet may be halted.
   */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  /**
   * Whether the view holds every setting on the topic: read to its end once, and no record since
   * left unread. Until it does, nothing may be read from it ({@link #snapshot} refuses).
   */
  public boolean isLoaded() {
    return follower.isCaughtUp();
  }

  /** Why the view is not loaded, for readiness checks and answers: never read as a default. */
  public String whyNotLoaded() {
    return follower
        .refusal()
        .map(refused -> "a control record could not be read: " + refused)
        .orElse("the control topic has not been read to its end yet");
  }

  /**
   * Every setting of the fleet.
   *
   * @throws ControlStateUnknownException while the view is not loaded: an empty or partial view
   *     would read a halted fleet as active
   */
  public ControlSnapshot snapshot() {
    if (!isLoaded()) {
      throw new ControlStateUnknownException(whyNotLoaded());
    }
    return snapshot;
  }

  /**
   * What {@code bot} may do now.
   *
   * @throws ControlStateUnknownException while the view is not loaded
   */
  public EffectiveState evaluate(BotContext bot) {
    return snapshot().evaluate(bot, clock.instant());
  }

  public Clock clock() {
    return clock;
  }

  /** {@code listener} runs on the follower's thread after every change; keep it short. */
  public void onChange(Consumer<ControlSnapshot> listener) {
    listeners.add(listener);
  }

  /**
   * {@code listener} runs on the follower's thread whenever {@link #isLoaded} changes: when the
   * view is first loaded, when a record it cannot read stops it, and when it reads on again.
   */
  public void onLoadedChange(Runnable listener) {
    follower.onStatusChange(listener);
  }

  /**
   * Waits until the setting written by {@code commandId} is in the view, and the view is loaded
   * (read-your-writes).
   */
  public boolean awaitCommand(String commandId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (changed) {
      while (!snapshot.contains(commandId) || !isLoaded()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  /**
   * Applies a batch whole, or not at all: a record that cannot be read refuses the batch, and the
   * follower hands it over again (nothing is skipped). A record that a later one of the same key
   * replaces is not read at all, so a setting rewritten since can unblock the view.
   */
  private void apply(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, Optional<ControlEntry>> changes = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : TopicFollower.latestPerKey(records)) {
      collect(record, changes);
    }
    ControlSnapshot next = snapshot.with(changes);
    if (next.equals(snapshot)) {
      return;
    }
    synchronized (changed) {
      snapshot = next;
      changed.notifyAll();
    }
    for (Consumer<ControlSnapshot> listener : listeners) {
      try {
        listener.accept(next);
      } catch (RuntimeException e) {
        LOG.errorf(e, "a control listener failed");
      }
    }
  }

  /** Adds the record's change, if it has one: a setting, or a tombstone removing one. */
  private void collect(
      ConsumerRecord<byte[], byte[]> record, Map<String, Optional<ControlEntry>> changes) {
    if (record.value() == null) {
      if (record.key() != null) {
        changes.put(new String(record.key(), StandardCharsets.UTF_8), Optional.empty());
      }
      return;
    }
    try {
      ControlEntry entry = ControlCodec.fromAvro(values.deserialize(topic, record.value()));
      changes.put(entry.key(), Optional.of(entry));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          String.format(
              "unreadable control record at %s-%d@%d: %s",
              topic, record.partition(), record.offset(), e.getMessage()),
          e);
    }
  }

  @Override
  public void close() {
    follower.close();
  }
}
