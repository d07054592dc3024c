package io.hivemind.control.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest heartbeat of every bot. Heartbeats may arrive out of order across retries, so an older
 * one never replaces a newer one.
 */
public final class BotRoster {

  private final Map<String, BotHeartbeat> latest = new ConcurrentHashMap<>();

  public void record(BotHeartbeat heartbeat) {
    latest.merge(
        heartbeat.userId(),
        heartbeat,
        (current, candidate) -> candidate.at().isBefore(current.at()) ? current : candidate);
  }

  public Optional<BotHeartbeat> latestOf(String userId) {
    return Optional.ofNullable(latest.get(userId));
  }

  /** The force-close order the bot last reported carrying out, or null. */
  public String forceCloseAckOf(String userId) {
    BotHeartbeat heartbeat = latest.get(userId);
    return heartbeat == null ? null : heartbeat.forceCloseAck();
  }

  /** Bots heard from within {@code window} before {@code now}, by user id. */
  public List<BotHeartbeat> activeAt(Instant now, Duration window) {
    Instant since = now.minus(window);
    return latest.values().stream()
        .filter(heartbeat -> heartbeat.at().isAfter(since))
        .sorted(Comparator.comparing(BotHeartbeat::userId))
        .toList();
  }
}
