package io.hivemind.gateway.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This host's clock corrected by the latest {@link ClockOffset} the probe measured (ADR 16): the
 * time the broker will accept in record timestamps and the time against which bots' event times are
 * judged, so a host whose clock is wrong neither gets its records refused nor refuses bots whose
 * clocks are right.
 */
public final class BrokerTime {

  private final Clock host;
  private final AtomicReference<ClockOffset> latest = new AtomicReference<>(ClockOffset.NONE);
  private final Clock corrected;

  public BrokerTime(Clock host) {
    this.host = host;
    this.corrected = new Corrected(host.getZone());
  }

  /** The host's own clock, which the probe measures against the broker's. */
  public Clock host() {
    return host;
  }

  /** The host clock plus the latest offset: read it again for every use, it follows each probe. */
  public Clock clock() {
    return corrected;
  }

  public ClockOffset latest() {
    return latest.get();
  }

  void record(ClockOffset offset) {
    latest.set(offset);
  }

  private final class Corrected extends Clock {

    private final ZoneId zone;

    Corrected(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return latest.get().correct(host.instant());
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return zone.equals(this.zone) ? this : new Corrected(zone);
    }
  }
}
