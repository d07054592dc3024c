package io.hivemind.confidence.challenger;

import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.ModelSnapshot;
import io.hivemind.schema.RegistryFaults;
import io.hivemind.schema.TopicFollower;
import io.hivemind.schema.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * The newest version of the challenger this instance holds (ADR 22): every instance follows {@code
 * hivemind.models} whole and swaps in each version the trainer publishes, so a question is scored
 * by the version in memory at that moment. Until the first version arrives there is none, and the
 * pattern model answers alone.
 *
 * <p>A version that cannot be read (another format, corrupt bytes) is logged and stepped over: the
 * previous one keeps answering. A registry that cannot be reached refuses the batch, which the
 * follower hands over again.
 */
public final class ChallengerView implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ChallengerView.class);

  /** The key of the served challenger in {@code hivemind.models} (the trainer's). */
  public static final String ROLE = "challenger";

  private final AtomicReference<ChallengerModel> current = new AtomicReference<>();
  private final Deserializer<ModelSnapshot> decoder;
  private final TopicFollower follower;
  private final String topic;

  public ChallengerView(Map<String, Object> connection, Topics topics, AvroSerdes serdes) {
    this.topic = topics.models;
    this.decoder = serdes.valueSerde(ModelSnapshot.class).deserializer();
    this.follower = new TopicFollower(connection, topic, null, this::take);
  }

  public ChallengerView start() {
    follower.start();
    return this;
  }

  /** The challenger to score with now, empty until a version has been published. */
  public Optional<ChallengerModel> current() {
    return Optional.ofNullable(current.get());
  }

  private void take(List<ConsumerRecord<byte[], byte[]>> batch) {
    for (ConsumerRecord<byte[], byte[]> record : TopicFollower.latestPerKey(batch)) {
      if (record.key() == null
          || record.value() == null
          || !ROLE.equals(new String(record.key(), StandardCharsets.UTF_8))) {
        continue;
      }
      ModelSnapshot snapshot;
      try {
        snapshot = decoder.deserialize(topic, record.value());
      } catch (RuntimeException e) {
        RegistryFaults.throwIfTransport(e, topic);
        LOG.errorf(
            "%s offset %d is no model version (%s); keeping the one held",
            topic, record.offset(), e.getMessage());
        continue;
      }
      try {
        ChallengerModel model = ChallengerModel.fromBytes(bytes(snapshot.getModel()));
        current.set(model);
        LOG.debugf("serving challenger %s", snapshot.getVersion());
      } catch (RuntimeException e) {
        LOG.errorf(
            "challenger %s cannot be read (%s); keeping the one held",
            snapshot.getVersion(), e.getMessage());
      }
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  @Override
  public void close() {
    follower.close();
  }
}
