package io.hivemind.analytics.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one trade changes, as one pure step the topology and any map-based replay both run: the
 * user's ledger and badges, the user's own bucket tallies, and the contributions to the fleet's
 * tallies. A private user's trade counts in their own figures only: it makes no contribution.
 */
public final class TradeAnalytics {

  private final BadgeRules rules;

  public TradeAnalytics(BadgeRules rules) {
    this.rules = rules;
  }

  public BadgeRules rules() {
    return rules;
  }

  /**
   * @param ledger the user's ledger before the trade
   * @param userTally the user's own tally of a bucket key before the trade ({@link Tally#EMPTY} if
   *     none)
   */
  public Change apply(Trade trade, UserLedger ledger, Function<String, Tally> userTally) {
    UserLedger.Step step = ledger.after(trade, rules);
    Map<String, Tally> userTallies = new LinkedHashMap<>();
    List<Contribution> contributions = new ArrayList<>();
    for (Bucket bucket : Bucket.of(trade)) {
      Tally before = userTally.apply(bucket.key());
      userTallies.put(bucket.key(), before.plus(trade.pnl(), trade.win(), false));
      if (!trade.privateUser()) {
        contributions.add(
            new Contribution(bucket.key(), trade.pnl(), trade.win(), before.trades() == 0));
      }
    }
    return new Change(step.ledger(), step.earned(), userTallies, contributions);
  }

  /** One trade on its way to the fleet's tally of {@code bucketKey}. */
  public record Contribution(String bucketKey, double pnl, boolean win, boolean firstFromUser) {
    public Tally addTo(Tally tally) {
      return tally.plus(pnl, win, firstFromUser);
    }
  }

  /**
   * @param userTallies the user's new tallies by bucket key
   * @param contributions to the fleet tallies, none for a private user
   */
  public record Change(
      UserLedger ledger,
      List<Award> earned,
      Map<String, Tally> userTallies,
      List<Contribution> contributions) {}
}
