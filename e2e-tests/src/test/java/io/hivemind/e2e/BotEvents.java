package io.hivemind.e2e;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON a bot POSTs, as in DESIGN.md §6: one LONG trade at {@code entry}. */
final class BotEvents {

  private BotEvents() {}

  static Map<String, Object> signal(String user, String id, String symbol, Instant entry) {
    Map<String, Object> signal = new LinkedHashMap<>();
    signal.put("signal_id", id);
    signal.put("user_id", user);
    signal.put("symbol", symbol);
    signal.put("side", "LONG");
    signal.put("price", 4500.25);
    signal.put("timestamp", entry.toString());
    signal.put("strategy", "vwap_rsi");
    signal.put("features", Map.of("rsi", 34.2, "vwap_z", -2.15, "atr", 3.5, "volume_ratio", 1.4));
    return signal;
  }

  static Map<String, Object> outcome(
      String user, String id, String symbol, Instant entry, boolean win) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("signal_id", id);
    outcome.put("user_id", user);
    outcome.put("symbol", symbol);
    outcome.put("side", "LONG");
    outcome.put("entry_price", 4500.0);
    outcome.put("exit_price", win ? 4510.25 : 4495.0);
    outcome.put("entry_time", entry.toString());
    outcome.put("exit_time", entry.plusSeconds(240).toString());
    outcome.put("contracts", 1);
    outcome.put("pnl", win ? 512.5 : -250.0);
    outcome.put("exit_reason", win ? "TARGET" : "STOP");
    return outcome;
  }
}
