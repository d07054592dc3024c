package io.hivemind.analytics.topology;

import io.hivemind.analytics.domain.Award;
import io.hivemind.analytics.domain.Performance;
import io.hivemind.analytics.domain.Tally;
import io.hivemind.analytics.domain.TradeAnalytics;
import io.hivemind.analytics.domain.UserLedger;
import io.hivemind.schema.AnalyticsContribution;
import io.hivemind.schema.AnalyticsTally;
import io.hivemind.schema.BadgeAward;
import io.hivemind.schema.HeldBadge;
import io.hivemind.schema.UserPerformance;
import java.util.List;

/** Between the pure analytics records and their Avro forms in stores and topics. */
public final class AnalyticsCodec {

  private AnalyticsCodec() {}

  public static UserLedger decode(UserPerformance stored) {
    if (stored == null) {
      return UserLedger.EMPTY;
    }
    Performance performance =
        new Performance(
            stored.getTrades(),
            stored.getWins(),
            stored.getPnl(),
            stored.getCurrentStreak(),
            stored.getBestStreak(),
            stored.getLastExitTime());
    List<Award> awards =
        stored.getBadges().stream()
            .map(
                held ->
                    new Award(
                        held.getBadge(), held.getRuleSet(), held.getEarnedAt(), held.getSignalId()))
            .toList();
    return new UserLedger(performance, awards, stored.getPrivateUser());
  }

  public static UserPerformance encode(UserLedger ledger) {
    Performance p = ledger.performance();
    return UserPerformance.newBuilder()
        .setTrades(p.trades())
        .setWins(p.wins())
        .setPnl(p.pnl())
        .setCurrentStreak(p.currentStreak())
        .setBestStreak(p.bestStreak())
        .setLastExitTime(p.lastExitTime())
        .setPrivateUser(ledger.privateUser())
        .setBadges(
            ledger.awards().stream()
                .map(
                    a ->
                        HeldBadge.newBuilder()
                            .setBadge(a.badge())
                            .setRuleSet(a.ruleSet())
                            .setEarnedAt(a.earnedAt())
                            .setSignalId(a.signalId())
                            .build())
                .toList())
        .build();
  }

  public static BadgeAward award(String userId, Award award) {
    return new BadgeAward(
        userId, award.badge(), award.ruleSet(), award.earnedAt(), award.signalId());
  }

  public static Tally decode(AnalyticsTally stored) {
    return stored == null
        ? Tally.EMPTY
        : new Tally(
            stored.getTrades(), stored.getWins(), stored.getPnl(), stored.getContributors());
  }

  public static AnalyticsTally encode(Tally tally) {
    return new AnalyticsTally(tally.trades(), tally.wins(), tally.pnl(), tally.contributors());
  }

  public static AnalyticsContribution encode(TradeAnalytics.Contribution contribution) {
    return new AnalyticsContribution(
        contribution.pnl(), contribution.win(), contribution.firstFromUser());
  }

  public static AnalyticsTally plus(AnalyticsTally tally, AnalyticsContribution contribution) {
    return encode(
        decode(tally)
            .plus(contribution.getPnl(), contribution.getWin(), contribution.getFirstFromUser()));
  }
}
