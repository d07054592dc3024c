package io.hivemind.botapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroMappingTest {

  @Test
  void shouldCarryEverySignalField() {
    Signal signal = AvroMapping.toSignal(Requests.signal());

    assertThat(signal.getSignalId()).isEqualTo("7f0c2a9e-1");
    assertThat(signal.getUserId()).isEqualTo("a1b2c3d4e5f6");
    assertThat(signal.getSymbol()).isEqualTo("ES");
    assertThat(signal.getSide()).isEqualTo(Side.LONG);
    assertThat(signal.getPrice()).isEqualTo(4500.25);
    assertThat(signal.getTimestamp()).isEqualTo(Instant.parse("2026-11-20T14:32:45.123Z"));
    assertThat(signal.getStrategy()).isEqualTo("vwap_rsi");
    assertThat(signal.getFeatures()).isEqualTo(Map.of("rsi", 34.2, "vwap_z", -2.15));
  }

  @Test
  void shouldFillTheDefaultStrategyAndNoFeatures() {
    SignalRequest s = Requests.signal();
    SignalRequest bare =
        new SignalRequest(
            s.signalId(), s.userId(), s.symbol(), s.side(), s.price(), s.timestamp(), null, null);

    Signal signal = AvroMapping.toSignal(bare);

    assertThat(signal.getStrategy()).isEqualTo("vwap_rsi");
    assertThat(signal.getFeatures()).isEmpty();
  }

  @Test
  void shouldTruncateEventTimesToMilliseconds() {
    SignalRequest s = Requests.signal();
    SignalRequest precise =
        new SignalRequest(
            s.signalId(),
            s.userId(),
            s.symbol(),
            s.side(),
            s.price(),
            "2026-11-20T14:32:45.123456789Z",
            null,
            null);

    assertThat(AvroMapping.toSignal(precise).getTimestamp())
        .isEqualTo(Instant.parse("2026-11-20T14:32:45.123Z"));
  }

  @Test
  void shouldCarryEveryOutcomeField() {
    TradeOutcome outcome = AvroMapping.toTradeOutcome(Requests.outcome());

    assertThat(outcome.getSignalId()).isEqualTo("7f0c2a9e-1");
    assertThat(outcome.getSide()).isEqualTo(Side.LONG);
    assertThat(outcome.getEntryPrice()).isEqualTo(4500.0);
    assertThat(outcome.getExitPrice()).isEqualTo(4510.25);
    assertThat(outcome.getEntryTime()).isEqualTo(Instant.parse("2026-11-20T14:32:45.123Z"));
    assertThat(outcome.getExitTime()).isEqualTo(Instant.parse("2026-11-20T14:50:00Z"));
    assertThat(outcome.getContracts()).isEqualTo(1);
    assertThat(outcome.getPnl()).isEqualTo(512.5);
    assertThat(outcome.getExitReason()).isEqualTo("TARGET");
  }

  @Test
  void shouldFillHeartbeatDefaults() {
    HeartbeatRequest minimal =
        new HeartbeatRequest(
            "a1b2c3d4e5f6", "1.4.2", null, null, null, "2026-11-20T14:59:00Z", null);

    Heartbeat heartbeat = AvroMapping.toHeartbeat(minimal);

    assertThat(heartbeat.getStatus()).isEqualTo("RUNNING");
    assertThat(heartbeat.getOpenPositions()).isZero();
    assertThat(heartbeat.getSymbols()).isEqualTo(List.of());
    assertThat(heartbeat.getBars()).isEmpty();
  }

  @Test
  void shouldCarryEachBarOfAHeartbeat() {
    HeartbeatRequest h = Requests.heartbeat();
    HeartbeatRequest withBar =
        new HeartbeatRequest(
            h.userId(),
            h.botVersion(),
            h.status(),
            h.openPositions(),
            h.symbols(),
            h.timestamp(),
            null,
            List.of(new HeartbeatBar("ES", "2026-11-20T14:58:00Z", 4500.25, 1234.0)));

    io.hivemind.schema.ReportedBar bar = AvroMapping.toHeartbeat(withBar).getBars().get(0);

    assertThat(bar.getSymbol()).isEqualTo("ES");
    assertThat(bar.getMinute()).isEqualTo(Instant.parse("2026-11-20T14:58:00Z"));
    assertThat(bar.getClose()).isEqualTo(4500.25);
    assertThat(bar.getVolume()).isEqualTo(1234.0);
  }
}
