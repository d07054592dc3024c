package io.hivemind.analytics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the analytics keeps per user: the running performance, the badges held, and whether the user
 * is private (the flag of their latest trade, as the learner reads it per outcome).
 */
public record UserLedger(Performance performance, List<Award> awards, boolean privateUser) {

  public static final UserLedger EMPTY = new UserLedger(Performance.EMPTY, List.of(), false);

  public UserLedger {
    awards = List.copyOf(awards);
  }

  /** The ledger after {@code trade} and the badges that trade earned (usually none). */
  public Step after(Trade trade, BadgeRules rules) {
    Performance next = performance.plus(trade);
    Set<String> held =
        awards.stream()
            .filter(award -> award.ruleSet().equals(rules.version()))
            .map(Award::badge)
            .collect(Collectors.toSet());
    List<Award> earned = rules.earnedBy(trade, next, held);
    List<Award> all = new ArrayList<>(awards);
    all.addAll(earned);
    return new Step(new UserLedger(next, all, trade.privateUser()), earned);
  }

  public record Step(UserLedger ledger, List<Award> earned) {}
}
