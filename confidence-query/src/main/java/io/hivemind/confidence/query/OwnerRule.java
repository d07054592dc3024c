package io.hivemind.confidence.query;

import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** Decides which copy of a user's statistics answers, from what Kafka Streams reports. */
final class OwnerRule {

  private OwnerRule() {}

  /**
   * @param self this instance's {@code application.server}, the endpoint other instances know it by
   * @param copies what this instance holds of a partition, as last measured
   */
  static Owner decide(
      KafkaStreams.State state,
      KeyQueryMetadata metadata,
      HostInfo self,
      IntFunction<Optional<LocalCopy>> copies,
      LagBounds bounds) {
    if (!state.isRunningOrRebalancing()) {
      return new Owner.Unknown("Kafka Streams is " + state);
    }
    if (metadata == null
        || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
        || metadata.partition() < 0) {
      return new Owner.Unknown("no instance owns the user's partition yet");
    }
    int partition = metadata.partition();
    Optional<LocalCopy> copy = copies.apply(partition);
    Optional<Owner.StaleCopy> stale =
        copy.filter(c -> c.within(bounds.maxStale()))
            .map(c -> new Owner.StaleCopy(partition, c.lag().getAsLong()));
    HostInfo active = metadata.activeHost();
    // Host and port both: a second instance on the same machine differs by port alone.
    boolean activeHere =
        active != null && active.host().equals(self.host()) && active.port() == self.port();
    if (active != null && !activeHere) {
      return new Owner.OtherInstance(active.host(), active.port(), stale);
    }
    // Outside RUNNING the assignment is being changed: only a measured copy may answer, marked.
    if (state == KafkaStreams.State.RUNNING && activeHere) {
      if (copy.isPresent() && copy.get().active() && copy.get().within(bounds.caughtUp())) {
        return new Owner.ThisInstance(partition);
      }
      if (copy.isPresent() && copy.get().active()) {
        // A new application id or an emptied instance reads the whole topic while RUNNING: its
        // store says "0 trades" for a user it has not reached yet. Never answer from it.
        return new Owner.Unknown(catchingUp(partition, copy.get(), bounds));
      }
    }
    return stale
        .<Owner>map(s -> s)
        .orElseGet(
            () ->
                new Owner.Unknown(
                    state == KafkaStreams.State.RUNNING
                        ? "this instance's copy of the user's partition is not measured yet"
                        : "Kafka Streams is " + state));
  }

  static String catchingUp(int partition, LocalCopy copy, LagBounds bounds) {
    if (copy.lag().isPresent() && !copy.settled()) {
      return "catching up: partition "
          + partition
          + " is "
          + copy.lag().getAsLong()
          + " records behind (answers once it has read what the partition held when this"
          + " instance took it over)";
    }
    return copy.lag().isPresent()
        ? "catching up: partition "
            + partition
            + " is "
            + copy.lag().getAsLong()
            + " records behind (answers within "
            + bounds.caughtUp()
            + ")"
        : "catching up: partition " + partition + " is not measured yet";
  }
}
