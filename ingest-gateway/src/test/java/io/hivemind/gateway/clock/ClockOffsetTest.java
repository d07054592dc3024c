package io.hivemind.gateway.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {

  private static final Instant BROKER = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void shouldPutTheBrokersStampAtTheMidpointOfTheRoundTrip() {
    Instant sent = BROKER.minusMillis(30);

    ClockOffset measured = ClockOffset.measure(sent, sent.plusMillis(40), BROKER);

    // the midpoint is sent + 20 ms, 10 ms before the broker's stamp
    assertThat(measured.offset()).isEqualTo(Duration.ofMillis(10));
    assertThat(measured.uncertainty()).isEqualTo(Duration.ofMillis(20));
    assertThat(measured.measuredAt()).isEqualTo(sent.plusMillis(40));
  }

  @Test
  void shouldMeasureAHostClockTwoHoursAheadAsMinusTwoHours() {
    Instant sent = BROKER.plus(Duration.ofHours(2)).minusMillis(3);

    ClockOffset measured = ClockOffset.measure(sent, sent.plusMillis(6), BROKER);

    assertThat(measured.offset()).isEqualTo(Duration.ofHours(-2));
    assertThat(measured.correct(sent.plusMillis(3))).isEqualTo(BROKER);
    assertThat(measured.exceeds(Duration.ofSeconds(30))).isTrue();
  }

  @Test
  void shouldNotCallAnOffsetWithinTheBoundExceeding() {
    ClockOffset measured = ClockOffset.measure(BROKER, BROKER.plusMillis(2), BROKER.plusSeconds(5));

    assertThat(measured.exceeds(Duration.ofSeconds(30))).isFalse();
  }

  @Test
  void shouldRefuseAnAcknowledgementBeforeItsSend() {
    assertThatThrownBy(() -> ClockOffset.measure(BROKER, BROKER.minusMillis(1), BROKER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldTakeTheHostClockAsItIsBeforeAnyProbe() {
    Clock host = Clock.fixed(BROKER, ZoneOffset.UTC);

    BrokerTime time = new BrokerTime(host);

    assertThat(time.latest().measured()).isFalse();
    assertThat(time.clock().instant()).isEqualTo(BROKER);
  }

  @Test
  void shouldCorrectTheHostClockByTheLatestProbe() {
    Clock host = Clock.fixed(BROKER.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    BrokerTime time = new BrokerTime(host);

    time.record(ClockOffset.measure(host.instant(), host.instant(), BROKER));

    assertThat(time.clock().instant()).isEqualTo(BROKER);
    assertThat(time.clock().millis()).isEqualTo(BROKER.toEpochMilli());
  }
}
