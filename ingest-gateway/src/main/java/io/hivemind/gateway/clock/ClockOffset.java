package io.hivemind.gateway.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the broker's clock is from this host's, from one probe (ADR 16): the broker stamped the
 * probe somewhere between the moment it was sent and the moment its acknowledgement came back, so
 * the best estimate puts that stamp at the midpoint of the round trip, and half the round trip
 * bounds the error.
 *
 * <p>Sign: {@code offset = broker time − host time}. A host clock two hours ahead measures an
 * offset of −2 h; {@link #correct} adds the offset to a host instant to get the broker's time.
 *
 * @param offset broker time minus host time
 * @param uncertainty half the round trip: the offset is right to within this
 * @param measuredAt when the acknowledgement came back, on the host's clock
 */
public record ClockOffset(Duration offset, Duration uncertainty, Instant measuredAt) {

  /** Before any probe came back: the host clock is taken as it is. */
  public static final ClockOffset NONE = new ClockOffset(Duration.ZERO, Duration.ZERO, null);

  /**
   * @param sent host time just before the probe was sent
   * @param acknowledged host time when its acknowledgement arrived
   * @param brokerAppend the broker's append time of the probe, from the acknowledgement
   */
  public static ClockOffset measure(Instant sent, Instant acknowledged, Instant brokerAppend) {
    if (acknowledged.isBefore(sent)) {
      throw new IllegalArgumentException(
          "acknowledged " + acknowledged + " before it was sent " + sent);
    }
    Duration halfTrip = Duration.between(sent, acknowledged).dividedBy(2);
    Instant midpoint = sent.plus(halfTrip);
    return new ClockOffset(Duration.between(midpoint, brokerAppend), halfTrip, acknowledged);
  }

  /** The broker's time at the host's {@code hostTime}, as far as this probe knows. */
  public Instant correct(Instant hostTime) {
    return hostTime.plus(offset);
  }

  /** Whether it came from a probe at all ({@link #NONE} did not). */
  public boolean measured() {
    return measuredAt != null;
  }

  /** Whether this host's clock is further than {@code bound} from the broker's. */
  public boolean exceeds(Duration bound) {
    return offset.abs().compareTo(bound) > 0;
  }
}
