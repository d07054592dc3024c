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
 */
record LocalCopy(boolean active, OptionalLong lag) {

  static LocalCopy active(long lag) {
    return new LocalCopy(true, OptionalLong.of(lag));
  }

  static LocalCopy standby(long lag) {
    return new LocalCopy(false, OptionalLong.of(lag));
  }

  static LocalCopy unmeasured(boolean active) {
    return new LocalCopy(active, OptionalLong.empty());
  }

  boolean within(long bound) {
    return lag.isPresent() && lag.getAsLong() <= bound;
  }
}
