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
}
