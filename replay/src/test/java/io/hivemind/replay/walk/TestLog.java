package io.hivemind.replay.walk;

import io.hivemind.replay.log.LogEvent;
import io.hivemind.replay.log.Source;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A log written record by record, in partition 0 unless said otherwise, a second apart. */
public final class TestLog {

  static final AvroSerdes SERDES = AvroSerdes.withoutRegistry();
  static final Instant T0 = Instant.parse("2026-11-20T16:32:45Z"); // 11:32 in New York
  static final Map<String, Double> FEATURES = Map.of("rsi", 34.2, "vwap_z", -2.15);

  public final List<LogEvent> events = new ArrayList<>();
  private long offset;
  private Instant now = T0;

  public TestLog signal(String user, String id) {
    return signal(user, id, "ES", 0);
  }

  public TestLog signal(String user, String id, String symbol, int partition) {
    Signal signal = new Signal(id, user, symbol, Side.LONG, 4500.25, now, "vwap_rsi", FEATURES);
    byte[] value = SERDES.valueSerde(Signal.class).serializer().serialize("signals", signal);
    return add(Source.SIGNALS, partition, user, value);
  }

  public TestLog outcome(String user, String id, double pnl) {
    return outcome(user, id, pnl, "ES", 0);
  }

  public TestLog outcome(String user, String id, double pnl, String symbol, int partition) {
    TradeOutcome outcome =
        new TradeOutcome(
            id,
            user,
            symbol,
            Side.LONG,
            4500.0,
            4500.0 + pnl / 50,
            now.minusSeconds(300),
            now,
            1,
            pnl,
            pnl > 0 ? "TARGET" : "STOP",
            false);
    byte[] value =
        SERDES.valueSerde(TradeOutcome.class).serializer().serialize("outcomes", outcome);
    return add(Source.OUTCOMES, partition, user, value);
  }

  public TestLog trade(String user, String id, double pnl) {
    return signal(user, id).outcome(user, id, pnl);
  }

  public TestLog garbage(Source source, String user) {
    return add(source, 0, user, new byte[] {0, 0, 0, 0, 42, 7});
  }

  public TestLog later(Duration by) {
    now = now.plus(by);
    return this;
  }

  private TestLog add(Source source, int partition, String key, byte[] value) {
    events.add(new LogEvent(source, partition, offset++, now.toEpochMilli(), key, value));
    now = now.plusSeconds(1);
    return this;
  }

  public Walk walk(io.hivemind.replay.settings.ReplaySettings settings) {
    Walk walk = new Walk(settings, SERDES, "signals", "outcomes");
    events.forEach(walk::accept);
    return walk;
  }
}
