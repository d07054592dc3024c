package io.hivemind.confidence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OwnerRuleTest {

  private static final HostInfo SELF = new HostInfo("127.0.0.1", 8081);

  @Test
  void shouldOwnTheUserWhenTheActiveHostIsThisInstance() {
    Owner owner = OwnerRule.decide(State.RUNNING, ownedBy("127.0.0.1", 8081, 2), SELF);

    assertThat(owner).isEqualTo(new Owner.ThisInstance(2));
  }

  @Test
  void shouldNameTheOtherInstanceOnTheSameHostByItsPort() {
    Owner owner = OwnerRule.decide(State.RUNNING, ownedBy("127.0.0.1", 8083, 1), SELF);

    assertThat(owner).isEqualTo(new Owner.OtherInstance("127.0.0.1", 8083));
  }

  @Test
  void shouldNameTheOtherInstanceOnAnotherHostWithTheSamePort() {
    Owner owner = OwnerRule.decide(State.RUNNING, ownedBy("10.0.0.7", 8081, 1), SELF);

    assertThat(owner).isEqualTo(new Owner.OtherInstance("10.0.0.7", 8081));
  }

  @Test
  void shouldNameNobodyWhileMetadataIsNotAvailable() {
    Owner owner = OwnerRule.decide(State.RUNNING, KeyQueryMetadata.NOT_AVAILABLE, SELF);

    assertThat(owner).isInstanceOf(Owner.Unknown.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = State.class,
      names = {"RUNNING"},
      mode = EnumSource.Mode.EXCLUDE)
  void shouldNameNobodyUnlessRunning(State state) {
    Owner owner = OwnerRule.decide(state, ownedBy("127.0.0.1", 8081, 0), SELF);

    assertThat(owner).isEqualTo(new Owner.Unknown("Kafka Streams is " + state));
  }

  private static KeyQueryMetadata ownedBy(String host, int port, int partition) {
    return new KeyQueryMetadata(new HostInfo(host, port), Set.of(), partition);
  }
}
