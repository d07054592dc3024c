package io.hivemind.analytics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A versioned rule set of badges: each rule a condition on the user's running {@link Performance}
 * right after a trade. A badge is awarded once per user, by the first trade after which its
 * condition holds, and keeps that trade's exit time; losing the condition later (a P&L that falls
 * back under $1K) takes nothing away. Deterministic given the trades in order, so a replay of the
 * log awards the same badges at the same times.
 *
 * <p>Changing a rule means a new version (a new {@link #version()}): the awards record the version
 * that gave them, and badges of an older version stay what they were.
 */
public final class BadgeRules {

  public static final String V1 = "badges-v1";

  /** One badge: its id (stable, part of the contract), what it means, and when it is earned. */
  public record Rule(String badge, String description, Predicate<Performance> earned) {}

  private final String version;
  private final List<Rule> rules;

  public BadgeRules(String version, List<Rule> rules) {
    this.version = version;
    this.rules = List.copyOf(rules);
  }

  /**
   * Version 1: first trade; 10, 100 and 1,000 trades; a 5-win and a 10-win streak; $1K and $10K
   * cumulative P&L (the sum of the trades' P&L, fees as the bot reported them).
   */
  public static BadgeRules v1() {
    return new BadgeRules(
        V1,
        List.of(
            new Rule("first-trade", "a first trade learned", p -> p.trades() >= 1),
            new Rule("trades-10", "10 trades learned", p -> p.trades() >= 10),
            new Rule("trades-100", "100 trades learned", p -> p.trades() >= 100),
            new Rule("trades-1000", "1,000 trades learned", p -> p.trades() >= 1_000),
            new Rule("win-streak-5", "5 wins in a row", p -> p.winStreak() >= 5),
            new Rule("win-streak-10", "10 wins in a row", p -> p.winStreak() >= 10),
            new Rule("profit-1k", "$1,000 cumulative P&L", p -> p.pnl() >= 1_000.0),
            new Rule("profit-10k", "$10,000 cumulative P&L", p -> p.pnl() >= 10_000.0)));
  }

  public String version() {
    return version;
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * The badges {@code trade} earns: those whose condition holds on {@code after} (the performance
   * including the trade) and that are not in {@code held} (badge ids already awarded under this
   * version), in the rule set's order.
   */
  public List<Award> earnedBy(Trade trade, Performance after, Set<String> held) {
    List<Award> earned = new ArrayList<>();
    for (Rule rule : rules) {
      if (!held.contains(rule.badge()) && rule.earned().test(after)) {
        earned.add(new Award(rule.badge(), version, trade.exitTime(), trade.signalId()));
      }
    }
    return earned;
  }
}
