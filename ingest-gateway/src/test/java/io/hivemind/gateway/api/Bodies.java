package io.hivemind.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid request bodies with fresh ids and event times a minute ago, for tests to change. */
final class Bodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** A user id of the seed's shape: 12 hex characters. */
  static String newUserId() {
    return newId().replace("-", "").substring(0, 12);
  }

  static String minutesAgo(long minutes) {
    return Instant.now()
        .minus(minutes, ChronoUnit.MINUTES)
        .truncatedTo(ChronoUnit.MILLIS)
        .toString();
  }

  static Map<String, Object> signal(String userId) {
    Map<String, Object> signal = new LinkedHashMap<>();
    signal.put("signal_id", newId());
    signal.put("user_id", userId);
    signal.put("symbol", "ES");
    signal.put("side", "LONG");
    signal.put("price", 4500.25);
    signal.put("timestamp", minutesAgo(1));
    signal.put("strategy", "vwap_rsi");
    signal.put("features", Map.of("rsi", 34.2, "vwap_z", -2.15));
    return signal;
  }

  static Map<String, Object> outcome(String userId) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("signal_id", newId());
    outcome.put("user_id", userId);
    outcome.put("symbol", "NQ");
    outcome.put("side", "SHORT");
    outcome.put("entry_price", 16000.5);
    outcome.put("exit_price", 15990.25);
    outcome.put("entry_time", minutesAgo(20));
    outcome.put("exit_time", minutesAgo(2));
    outcome.put("contracts", 2);
    outcome.put("pnl", 410.0);
    outcome.put("exit_reason", "TARGET");
    return outcome;
  }

  static Map<String, Object> heartbeat(String userId) {
    Map<String, Object> heartbeat = new LinkedHashMap<>();
    heartbeat.put("user_id", userId);
    heartbeat.put("bot_version", "1.4.2");
    heartbeat.put("status", "RUNNING");
    heartbeat.put("open_positions", 1);
    heartbeat.put("symbols", List.of("ES", "NQ"));
    heartbeat.put("timestamp", minutesAgo(0));
    return heartbeat;
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
