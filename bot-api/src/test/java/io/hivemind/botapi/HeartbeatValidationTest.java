package io.hivemind.botapi;

import static io.hivemind.botapi.Requests.heartbeat;
import static io.hivemind.botapi.Requests.validator;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatValidationTest {

  private static List<String> fields(HeartbeatRequest request) {
    return validator().validate(request).stream().map(Violation::field).toList();
  }

  @Test
  void shouldAcceptAFullHeartbeat() {
    assertThat(fields(heartbeat())).isEmpty();
  }

  @Test
  void shouldAcceptAHeartbeatWithOnlyTheRequiredFields() {
    HeartbeatRequest minimal =
        new HeartbeatRequest(
            "a1b2c3d4e5f6", "1.4.2", null, null, null, "2026-11-20T14:59:00Z", null);
    assertThat(fields(minimal)).isEmpty();
  }

  @Test
  void shouldNameEveryMissingRequiredField() {
    assertThat(fields(new HeartbeatRequest(null, null, null, null, null, null, null)))
        .containsExactly("user_id", "bot_version", "timestamp");
  }

  @Test
  void shouldRejectNegativeOpenPositions() {
    HeartbeatRequest h = heartbeat();
    HeartbeatRequest negative =
        new HeartbeatRequest(
            h.userId(), h.botVersion(), h.status(), -1, h.symbols(), h.timestamp(), null);
    assertThat(fields(negative)).containsExactly("open_positions");
  }

  @Test
  void shouldNameTheMalformedSymbolByIndex() {
    HeartbeatRequest h = heartbeat();
    HeartbeatRequest bad =
        new HeartbeatRequest(
            h.userId(), h.botVersion(), h.status(), 0, List.of("ES", "n q"), h.timestamp(), null);
    assertThat(fields(bad)).containsExactly("symbols[1]");
  }

  @Test
  void shouldRejectMoreThan32Symbols() {
    HeartbeatRequest h = heartbeat();
    HeartbeatRequest many =
        new HeartbeatRequest(
            h.userId(),
            h.botVersion(),
            h.status(),
            0,
            Collections.nCopies(33, "ES"),
            h.timestamp(),
            null);
    assertThat(fields(many)).containsExactly("symbols");
  }

  @Test
  void shouldRejectAStatusInLowerCase() {
    HeartbeatRequest h = heartbeat();
    HeartbeatRequest lower =
        new HeartbeatRequest(h.userId(), h.botVersion(), "running", 0, null, h.timestamp(), null);
    assertThat(fields(lower)).containsExactly("status");
  }

  @Test
  void shouldRejectAMalformedForceCloseAcknowledgement() {
    HeartbeatRequest h = heartbeat();
    HeartbeatRequest bad =
        new HeartbeatRequest(
            h.userId(), h.botVersion(), h.status(), 0, h.symbols(), h.timestamp(), "not an id");
    assertThat(fields(bad)).containsExactly("force_close_ack");
  }

  private static HeartbeatRequest withBars(HeartbeatBar... bars) {
    HeartbeatRequest h = heartbeat();
    return new HeartbeatRequest(
        h.userId(),
        h.botVersion(),
        h.status(),
        h.openPositions(),
        h.symbols(),
        h.timestamp(),
        null,
        java.util.Arrays.asList(bars));
  }

  @Test
  void shouldAcceptAClosedBarPerSymbol() {
    assertThat(
            fields(
                withBars(
                    new HeartbeatBar("ES", "2026-11-20T14:58:00Z", 4500.25, 1234.0),
                    new HeartbeatBar("NQ", "2026-11-20T14:58:00Z", 20800.0, 0.0))))
        .isEmpty();
  }

  @Test
  void shouldNameEachBadFieldOfABar() {
    assertThat(
            fields(
                withBars(
                    new HeartbeatBar("XX", "2026-11-20T14:58:30Z", -1.0, -5.0),
                    new HeartbeatBar("ES", null, null, Double.NaN))))
        .containsExactly(
            "bars[0].symbol",
            "bars[0].minute",
            "bars[0].close",
            "bars[0].volume",
            "bars[1].minute",
            "bars[1].close",
            "bars[1].volume");
  }

  @Test
  void shouldRejectABarWhoseMinuteHasNotClosed() {
    assertThat(fields(withBars(new HeartbeatBar("ES", "2026-11-20T15:05:00Z", 4500.0, 1.0))))
        .containsExactly("bars[0].minute");
  }

  @Test
  void shouldRejectTwoBarsOfOneSymbolAndMinute() {
    assertThat(
            fields(
                withBars(
                    new HeartbeatBar("ES", "2026-11-20T14:57:00Z", 4500.0, 1.0),
                    new HeartbeatBar("ES", "2026-11-20T14:58:00Z", 4500.0, 1.0),
                    new HeartbeatBar("ES", "2026-11-20T14:58:00Z", 4501.0, 1.0))))
        .containsExactly("bars[2].minute");
  }

  @Test
  void shouldRejectANullBar() {
    assertThat(fields(withBars((HeartbeatBar) null))).containsExactly("bars[0]");
  }
}
