package io.hivemind.analytics.training;

import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.learning.model.ChallengerSettings;
import io.hivemind.rules.model.ChallengerInputs;
import io.hivemind.rules.model.RegimeTimeline;
import io.hivemind.schema.Experience;
import io.hivemind.schema.InputOffset;
import io.hivemind.schema.ModelSnapshot;
import io.hivemind.schema.RegistryFaults;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * The challenger as it learns on the stack (ADR 22): the model and, per partition of {@code
 * hivemind.experiences}, the offset of the first record it has not learned. The two change together
 * under one lock, so a {@link #snapshot} is always a model with exactly the offsets it covers: a
 * trainer that stops anywhere and resumes from its last published snapshot learns every experience
 * once, none twice.
 *
 * <p>A record that is no experience (the analytics' topology dead-letters it) teaches nothing and
 * is stepped over; a registry that cannot be reached says nothing about the bytes, so the whole
 * batch is refused, nothing of it learned, and handed over again.
 */
public final class ChallengerTrainer {

  /** The key of the served challenger in {@code hivemind.models}. */
  public static final String ROLE = "challenger";

  private static final Logger LOG = Logger.getLogger(ChallengerTrainer.class);

  private final Deserializer<Experience> decoder;
  private final String topic;
  private final ChallengerModel model;
  private final Map<Integer, Long> next;
  private final RegimeTimeline regimes;
  private long skipped;

  private ChallengerTrainer(
      ChallengerModel model,
      Map<Integer, Long> next,
      Deserializer<Experience> decoder,
      String topic,
      RegimeTimeline regimes) {
    this.model = model;
    this.regimes = regimes;
    this.next = new TreeMap<>(next);
    this.decoder = decoder;
    this.topic = topic;
  }

  /**
   * Carries on from {@code latest}, the last version published ({@code null}: none), when it was
   * learned with these {@code settings}; otherwise (none, other settings, another format) starts a
   * new model from the beginning of the topic.
   */
  public static ChallengerTrainer resume(
      ModelSnapshot latest,
      ChallengerSettings settings,
      Deserializer<Experience> decoder,
      String topic) {
    return resume(latest, settings, decoder, topic, RegimeTimeline.none());
  }

  /**
   * As above, giving each experience the regime of its symbol at its entry time from {@code
   * regimes}.
   */
  public static ChallengerTrainer resume(
      ModelSnapshot latest,
      ChallengerSettings settings,
      Deserializer<Experience> decoder,
      String topic,
      RegimeTimeline regimes) {
    ChallengerModel fresh = new ChallengerModel(settings);
    if (latest == null) {
      return new ChallengerTrainer(fresh, Map.of(), decoder, topic, regimes);
    }
    try {
      ChallengerModel restored = ChallengerModel.fromBytes(bytes(latest.getModel()));
      if (restored.version().name().equals(fresh.version().name())) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (InputOffset offset : latest.getOffsets()) {
          offsets.put(offset.getPartition(), offset.getNextOffset());
        }
        return new ChallengerTrainer(restored, offsets, decoder, topic, regimes);
      }
      LOG.infof(
          "the published challenger %s learned with other settings than %s: learning a new one"
              + " from the beginning of %s",
          latest.getVersion(), fresh.version().name(), topic);
    } catch (RuntimeException e) {
      LOG.warnf(
          "the published challenger %s cannot be read (%s): learning a new one from the"
              + " beginning of %s",
          latest.getVersion(), e.getMessage(), topic);
    }
    return new ChallengerTrainer(fresh, Map.of(), decoder, topic, regimes);
  }

  /** Per partition, the first offset not learned yet: where following the topic resumes. */
  public synchronized Map<Integer, Long> nextOffsets() {
    return new TreeMap<>(next);
  }

  /**
   * Learns a batch, in its order. Decodes it whole first: a refused batch (registry unreachable)
   * has taught the model nothing.
   */
  public void learn(List<ConsumerRecord<byte[], byte[]>> batch) {
    List<Experience> decoded = new ArrayList<>(batch.size());
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      decoded.add(decode(record));
    }
    synchronized (this) {
      for (int i = 0; i < batch.size(); i++) {
        ConsumerRecord<byte[], byte[]> record = batch.get(i);
        Experience experience = decoded.get(i);
        if (experience == null) {
          skipped++;
        } else {
          ChallengerInputs.learn(model, experience, regimes);
        }
        next.put(record.partition(), record.offset() + 1);
      }
    }
  }

  /** The model as it is now, with the offsets it covers, to publish. */
  public synchronized ModelSnapshot snapshot(Instant now) {
    List<InputOffset> offsets = new ArrayList<>(next.size());
    next.forEach((partition, offset) -> offsets.add(new InputOffset(partition, offset)));
    return ModelSnapshot.newBuilder()
        .setName(model.version().name())
        .setVersion(model.version().label())
        .setExperiences(model.version().experiences())
        .setModel(ByteBuffer.wrap(model.toBytes()))
        .setOffsets(offsets)
        .setPublishedAt(now)
        .build();
  }

  public synchronized long learned() {
    return model.version().experiences();
  }

  /** Records that were no experience (dead-lettered by the topology), stepped over. */
  public synchronized long skipped() {
    return skipped;
  }

  public synchronized String version() {
    return model.version().label();
  }

  private Experience decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return null;
    }
    try {
      Experience experience = decoder.deserialize(topic, record.value());
      // As the topology's InputCheck: an experience is its own user's, under its user's key.
      boolean underItsUser =
          experience != null
              && record.key() != null
              && experience.getUserId().equals(new String(record.key(), StandardCharsets.UTF_8));
      return underItsUser ? experience : null;
    } catch (RuntimeException e) {
      RegistryFaults.throwIfTransport(e, topic);
      return null;
    }
  }

  static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
