package io.hivemind.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.learning.model.ChallengerSettings;
import io.hivemind.rules.model.ChallengerInputs;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Experience;
import io.hivemind.schema.InputOffset;
import io.hivemind.schema.ModelSnapshot;
import io.hivemind.schema.RegistryUnavailableException;
import io.hivemind.schema.Side;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ChallengerTrainerTest {

  private static final String TOPIC = "hivemind.experiences";
  private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

  private final Serde<Experience> serde = AvroSerdes.withoutRegistry().valueSerde(Experience.class);
  private final List<ConsumerRecord<byte[], byte[]>> log = new ArrayList<>();

  ChallengerTrainerTest() {
    for (int i = 0; i < 90; i++) {
      int partition = i % 3;
      log.add(record(partition, i / 3, experience("u" + (i % 7), "s" + i, i % 3 != 0)));
    }
  }

  @Test
  void shouldResumeFromAPublishedVersionAndLearnEveryExperienceOnce() {
    ChallengerTrainer uninterrupted = fresh();
    uninterrupted.learn(log);

    ChallengerTrainer first = fresh();
    first.learn(log.subList(0, 50));
    ModelSnapshot published = first.snapshot(T0);
    first.learn(log.subList(50, 70)); // learned, never published: lost with the process

    ChallengerTrainer resumed = ChallengerTrainer.resume(published, settings(), decoder(), TOPIC);
    assertThat(resumed.learned()).isEqualTo(50);
    assertThat(resumed.nextOffsets()).isEqualTo(Map.of(0, 17L, 1, 17L, 2, 16L));
    // Following resumes at those offsets: what comes is everything after them, in log order.
    resumed.learn(
        log.stream().filter(r -> r.offset() >= resumed.nextOffsets().get(r.partition())).toList());

    assertThat(resumed.learned()).isEqualTo(90);
    assertThat(resumed.version()).isEqualTo(uninterrupted.version());
    assertThat(resumed.snapshot(T0).getModel()).isEqualTo(uninterrupted.snapshot(T0).getModel());
  }

  @Test
  void shouldStartANewModelWhenThePublishedOneLearnedWithOtherSettings() {
    ChallengerTrainer other =
        ChallengerTrainer.resume(
            null, new ChallengerSettings(0.05, 0.3, 1.0, 0.0, 4.0, 10.0, 18), decoder(), TOPIC);
    other.learn(log.subList(0, 30));

    ChallengerTrainer resumed =
        ChallengerTrainer.resume(other.snapshot(T0), settings(), decoder(), TOPIC);

    assertThat(resumed.learned()).isZero();
    assertThat(resumed.nextOffsets()).isEmpty();
  }

  @Test
  void shouldStepOverWhatIsNoExperienceAndCountIt() {
    ChallengerTrainer trainer = fresh();
    List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(log.subList(0, 3));
    batch.add(new ConsumerRecord<>(TOPIC, 0, 1, key("u1"), "not avro".getBytes()));
    batch.add(record(1, 1, experience("u2", "under-another-key", true), "u3"));

    trainer.learn(batch);

    assertThat(trainer.learned()).isEqualTo(3);
    assertThat(trainer.skipped()).isEqualTo(2);
    assertThat(trainer.nextOffsets()).containsEntry(0, 2L).containsEntry(1, 2L);
  }

  @Test
  void shouldRefuseAWholeBatchUnlearnedWhenTheRegistryCannotBeReached() {
    Deserializer<Experience> registryDown =
        (topic, bytes) -> {
          throw new RegistryUnavailableException("registry down", new RuntimeException());
        };
    ChallengerTrainer trainer = ChallengerTrainer.resume(null, settings(), registryDown, TOPIC);

    assertThatThrownBy(() -> trainer.learn(log.subList(0, 10)))
        .isInstanceOf(RegistryUnavailableException.class);
    assertThat(trainer.learned()).isZero();
    assertThat(trainer.nextOffsets()).isEmpty();
  }

  @Test
  void shouldPublishTheModelItHasLearned() {
    ChallengerTrainer trainer = fresh();
    trainer.learn(log.subList(0, 40));

    ModelSnapshot snapshot = trainer.snapshot(T0);

    ChallengerModel model = ChallengerModel.fromBytes(ChallengerTrainer.bytes(snapshot.getModel()));
    assertThat(model.version().label()).isEqualTo(snapshot.getVersion());
    assertThat(snapshot.getExperiences()).isEqualTo(40);
    assertThat(snapshot.getName()).isEqualTo(model.version().name());
    assertThat(snapshot.getOffsets())
        .extracting(InputOffset::getPartition)
        .containsExactly(0, 1, 2);
    Experience asked = experience("u1", "q", true);
    assertThat(model.probability(ChallengerInputs.of(asked))).isBetween(0.0, 1.0);
  }

  private ChallengerTrainer fresh() {
    return ChallengerTrainer.resume(null, settings(), decoder(), TOPIC);
  }

  private static ChallengerSettings settings() {
    return ChallengerSettings.defaults();
  }

  private Deserializer<Experience> decoder() {
    return serde.deserializer();
  }

  private ConsumerRecord<byte[], byte[]> record(int partition, long offset, Experience e) {
    return record(partition, offset, e, e.getUserId());
  }

  private ConsumerRecord<byte[], byte[]> record(
      int partition, long offset, Experience e, String key) {
    return new ConsumerRecord<>(
        TOPIC, partition, offset, key(key), serde.serializer().serialize(TOPIC, e));
  }

  private static byte[] key(String user) {
    return user.getBytes(StandardCharsets.UTF_8);
  }

  private static Experience experience(String user, String signal, boolean win) {
    return Experience.newBuilder()
        .setSignalId(signal)
        .setUserId(user)
        .setSymbol("ES")
        .setSide(Side.LONG)
        .setSignalMatched(true)
        .setSignalTime(T0)
        .setEntryTime(T0)
        .setExitTime(T0.plusSeconds(600))
        .setFeatures(Map.of("rsi", 30.0 + signal.length(), "vwap_z", -1.5))
        .setPnl(win ? 10 : -10)
        .setWin(win)
        .setExitReason(win ? "TARGET" : "STOP")
        .setScheme("v1")
        .setPatterns(List.of("v1"))
        .setPrivateUser(false)
        .build();
  }
}
