package io.hivemind.confidence.query;

import java.util.OptionalLong;

/**
 * What this instance holds of one user-stats partition, as last measured.
 *
 * @param active whether it is the partition's active copy (else a standby)
 * @param lag how many records of the partition it has not applied yet: for the active copy those of
 *     {@code user-stats} past the group's committed offset (and of its changelog while it
 *     restores), for a standby those of the table's changelog; empty while not measured, which
 *     counts as behind
 * @param settled for the active copy, whether it has processed everything its partition held when
 *     it took the partition over: until then a small lag does not make it fresh, since the records
 *     it has not reached may be a user's only ones (a new application id reads the whole topic, and
 *     the tail of it is no less old than the head). A standby is settled.
 */
record LocalCopy(boolean active, OptionalLong lag, boolean settled) {

  static LocalCopy active(long lag) {
    return new LocalCopy(true, OptionalLong.of(lag), true);
  }

  /** An active copy that has not yet reached the end its partition had when it took it over. */
  static LocalCopy takingOver(long lag) {
    return new LocalCopy(true, OptionalLong.of(lag), false);
  }

  static LocalCopy standby(long lag) {
    return new LocalCopy(false, OptionalLong.of(lag), true);
  }

  static LocalCopy unmeasured(boolean active) {
    return new LocalCopy(active, OptionalLong.empty(), false);
  }

  /** Whether it is settled and at most {@code bound} records behind. */
  boolean within(long bound) {
    return settled && lag.isPresent() && lag.getAsLong() <= bound;
  }
}
