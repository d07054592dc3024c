package io.hivemind.analytics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The analytics over maps, trade by trade in the order given: what the topology keeps in its
 * stores, for a replay or a test. A trade whose (user, signal id) was seen before is ignored, as
 * the topology ignores a repeated experience.
 */
public final class AnalyticsBook {

  private final TradeAnalytics analytics;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, UserLedger> ledgers = new HashMap<>();
  private final Map<String, Map<String, Tally>> userTallies = new HashMap<>();
  private final Map<String, Tally> fleetTallies = new HashMap<>();
  private final List<Earned> awards = new ArrayList<>();

  public AnalyticsBook(BadgeRules rules) {
    this.analytics = new TradeAnalytics(rules);
  }

  /** A badge and the user who earned it, in the order awarded. */
  public record Earned(String userId, Award award) {}

  /** Counts {@code trade}; false if it was a repeat and was ignored. */
  public boolean add(Trade trade) {
    if (!seen.add(trade.userId() + "/" + trade.signalId())) {
      return false;
    }
    Map<String, Tally> tallies = userTallies.computeIfAbsent(trade.userId(), u -> new HashMap<>());
    TradeAnalytics.Change change =
        analytics.apply(
            trade,
            ledgers.getOrDefault(trade.userId(), UserLedger.EMPTY),
            key -> tallies.getOrDefault(key, Tally.EMPTY));
    ledgers.put(trade.userId(), change.ledger());
    tallies.putAll(change.userTallies());
    for (TradeAnalytics.Contribution contribution : change.contributions()) {
      fleetTallies.merge(
          contribution.bucketKey(),
          contribution.addTo(Tally.EMPTY),
          (old, added) -> contribution.addTo(old));
    }
    change.earned().forEach(award -> awards.add(new Earned(trade.userId(), award)));
    return true;
  }

  public UserLedger ledger(String userId) {
    return ledgers.getOrDefault(userId, UserLedger.EMPTY);
  }

  public Map<String, UserLedger> ledgers() {
    return Map.copyOf(ledgers);
  }

  public Tally userTally(String userId, Bucket bucket) {
    return userTallies.getOrDefault(userId, Map.of()).getOrDefault(bucket.key(), Tally.EMPTY);
  }

  public Optional<Tally> fleetTally(Bucket bucket) {
    return Optional.ofNullable(fleetTallies.get(bucket.key()));
  }

  public List<Earned> awards() {
    return List.copyOf(awards);
  }
}
