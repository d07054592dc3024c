package io.hivemind.confidence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OwnerRuleTest {

  private static final HostInfo SELF = new HostInfo("127.0.0.1", 8081);
  private static final LagBounds BOUNDS = new LagBounds(100, 1000);

  @Test
  void shouldOwnTheUserWhenTheActiveHostIsThisInstanceAndCaughtUp() {
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8081, 2), copy(2, LocalCopy.active(0)));

    assertThat(owner).isEqualTo(new Owner.ThisInstance(2));
  }

  @Test
  void shouldOwnTheUserWithinTheCaughtUpBound() {
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8081, 2), copy(2, LocalCopy.active(100)));

    assertThat(owner).isEqualTo(new Owner.ThisInstance(2));
  }

  @Test
  void shouldNotAnswerFromAnActiveCopyThatIsCatchingUp() {
    // a new application id: RUNNING, the store empty for users it has not reached yet
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8081, 2), copy(2, LocalCopy.active(101)));

    assertThat(owner).isInstanceOf(Owner.Unknown.class);
    assertThat(((Owner.Unknown) owner).reason())
        .isEqualTo("catching up: partition 2 is 101 records behind (answers within 100)");
  }

  @Test
  void shouldNotAnswerFromAnActiveCopyWithinTheBoundBeforeItHasReadWhatItTookOver() {
    // the tail of a new application id's backlog: a few records behind, and one of them may be the
    // user's only statistics
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8081, 2), copy(2, LocalCopy.takingOver(3)));

    assertThat(((Owner.Unknown) owner).reason())
        .isEqualTo(
            "catching up: partition 2 is 3 records behind (answers once it has read what the"
                + " partition held when this instance took it over)");
  }

  @Test
  void shouldNotAnswerFromAnActiveCopyTakingOverEvenAsAStaleCopy() {
    Owner owner =
        decide(State.REBALANCING, ownedBy("127.0.0.1", 8081, 3), copy(3, LocalCopy.takingOver(0)));

    assertThat(owner).isInstanceOf(Owner.Unknown.class);
  }

  @Test
  void shouldNotAnswerFromAnActiveCopyNotMeasuredYet() {
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8081, 2), copy(2, LocalCopy.unmeasured(true)));

    assertThat(((Owner.Unknown) owner).reason())
        .isEqualTo("catching up: partition 2 is not measured yet");
  }

  @Test
  void shouldNotAnswerFromAnOwnedPartitionNotMeasuredYet() {
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8081, 2), partition -> Optional.empty());

    assertThat(owner).isInstanceOf(Owner.Unknown.class);
  }

  @Test
  void shouldNameTheOtherInstanceOnTheSameHostByItsPort() {
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8083, 1), partition -> Optional.empty());

    assertThat(owner).isEqualTo(new Owner.OtherInstance("127.0.0.1", 8083));
  }

  @Test
  void shouldNameTheOtherInstanceOnAnotherHostWithTheSamePort() {
    Owner owner =
        decide(State.RUNNING, ownedBy("10.0.0.7", 8081, 1), partition -> Optional.empty());

    assertThat(owner).isEqualTo(new Owner.OtherInstance("10.0.0.7", 8081));
  }

  @Test
  void shouldKeepAStandbyWithinTheBoundForWhenTheOwnerDoesNotAnswer() {
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8083, 1), copy(1, LocalCopy.standby(1000)));

    assertThat(owner)
        .isEqualTo(
            new Owner.OtherInstance("127.0.0.1", 8083, Optional.of(new Owner.StaleCopy(1, 1000))));
  }

  @Test
  void shouldNotKeepAStandbyBeyondTheBound() {
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8083, 1), copy(1, LocalCopy.standby(1001)));

    assertThat(owner).isEqualTo(new Owner.OtherInstance("127.0.0.1", 8083));
  }

  @Test
  void shouldAnswerFromAStandbyWhileRebalancing() {
    Owner owner =
        decide(State.REBALANCING, ownedBy("127.0.0.1", 8081, 3), copy(3, LocalCopy.standby(4)));

    assertThat(owner).isEqualTo(new Owner.StaleCopy(3, 4));
  }

  @Test
  void shouldMarkEvenTheActiveCopyStaleWhileRebalancing() {
    Owner owner =
        decide(State.REBALANCING, ownedBy("127.0.0.1", 8081, 3), copy(3, LocalCopy.active(0)));

    assertThat(owner).isEqualTo(new Owner.StaleCopy(3, 0));
  }

  @Test
  void shouldAnswerFromAStandbyPromotedHereBeforeItIsMeasuredActive() {
    // metadata names this instance; the last measurement still saw the standby it was
    Owner owner =
        decide(State.RUNNING, ownedBy("127.0.0.1", 8081, 3), copy(3, LocalCopy.standby(2)));

    assertThat(owner).isEqualTo(new Owner.StaleCopy(3, 2));
  }

  @Test
  void shouldNotAnswerWhileRebalancingWithoutACopyWithinTheBound() {
    Owner owner =
        decide(State.REBALANCING, ownedBy("127.0.0.1", 8081, 3), copy(3, LocalCopy.standby(5000)));

    assertThat(owner).isEqualTo(new Owner.Unknown("Kafka Streams is REBALANCING"));
  }

  @Test
  void shouldNameNobodyWhileMetadataIsNotAvailable() {
    Owner owner =
        decide(State.RUNNING, KeyQueryMetadata.NOT_AVAILABLE, copy(0, LocalCopy.active(0)));

    assertThat(owner).isInstanceOf(Owner.Unknown.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = State.class,
      names = {"RUNNING", "REBALANCING"},
      mode = EnumSource.Mode.EXCLUDE)
  void shouldNameNobodyUnlessRunningOrRebalancing(State state) {
    Owner owner = decide(state, ownedBy("127.0.0.1", 8081, 0), copy(0, LocalCopy.active(0)));

    assertThat(owner).isEqualTo(new Owner.Unknown("Kafka Streams is " + state));
  }

  private static Owner decide(
      State state, KeyQueryMetadata metadata, IntFunction<Optional<LocalCopy>> copies) {
    return OwnerRule.decide(state, metadata, SELF, copies, BOUNDS);
  }

  private static IntFunction<Optional<LocalCopy>> copy(int partition, LocalCopy copy) {
    return p -> Optional.ofNullable(Map.of(partition, copy).get(p));
  }

  private static KeyQueryMetadata ownedBy(String host, int port, int partition) {
    return new KeyQueryMetadata(new HostInfo(host, port), Set.of(), partition);
  }
}
