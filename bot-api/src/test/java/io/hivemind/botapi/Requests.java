package io.hivemind.botapi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Valid requests at a fixed "now", for tests to break one field at a time. */
final class Requests {

  static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Requests() {}

  static RequestValidator validator() {
    return new RequestValidator(CLOCK, ValidationLimits.defaults());
  }

  static SignalRequest signal() {
    return new SignalRequest(
        "7f0c2a9e-1",
        "a1b2c3d4e5f6",
        "ES",
        "LONG",
        4500.25,
        "2026-11-20T14:32:45.123Z",
        "vwap_rsi",
        Map.of("rsi", 34.2, "vwap_z", -2.15));
  }

  static OutcomeRequest outcome() {
    return new OutcomeRequest(
        "7f0c2a9e-1",
        "a1b2c3d4e5f6",
        "ES",
        "LONG",
        4500.0,
        4510.25,
        "2026-11-20T14:32:45.123Z",
        "2026-11-20T14:50:00Z",
        1,
        512.5,
        "TARGET");
  }

  static HeartbeatRequest heartbeat() {
    return new HeartbeatRequest(
        "a1b2c3d4e5f6", "1.4.2", "RUNNING", 1, List.of("ES", "NQ"), "2026-11-20T14:59:00Z", null);
  }
}
