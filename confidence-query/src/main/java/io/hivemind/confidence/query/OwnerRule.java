package io.hivemind.confidence.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** Decides who owns a user from what Kafka Streams reports. */
final class OwnerRule {

  private OwnerRule() {}

  /**
   * @param self this instance's {@code application.server}, the endpoint other instances know it by
   */
  static Owner decide(KafkaStreams.State state, KeyQueryMetadata metadata, HostInfo self) {
    // Outside RUNNING the assignment is being changed, and metadata may name a stale owner.
    if (state != KafkaStreams.State.RUNNING) {
      return new Owner.Unknown("Kafka Streams is " + state);
    }
    if (metadata == null
        || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
        || metadata.activeHost() == null
        || metadata.partition() < 0) {
      return new Owner.Unknown("no instance owns the user's partition yet");
    }
    HostInfo active = metadata.activeHost();
    // Host and port both: a second instance on the same machine differs by port alone.
    if (active.host().equals(self.host()) && active.port() == self.port()) {
      return new Owner.ThisInstance(metadata.partition());
    }
    return new Owner.OtherInstance(active.host(), active.port());
  }
}
