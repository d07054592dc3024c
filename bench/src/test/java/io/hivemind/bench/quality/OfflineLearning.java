package io.hivemind.bench.quality;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.answer.StatsMaps;
import io.hivemind.rules.learn.CommunityShares;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.rules.learn.StatsUpdates;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.simulator.world.Opportunity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality bench's sample learned without a broker, through the learner's own rules in the order
 * given (as the replay learns), and its probes asked as the query service asks them.
 */
final class OfflineLearning {

  static final Duration HALF_LIFE = Duration.ofHours(720);
  private static final PatternScheme SCHEME = PatternScheme.v1();

  private OfflineLearning() {}

  /** As the replay learns: user statistics, then the community's through the influence cap. */
  static StatsMaps learn(List<Opportunity> trades) {
    StatsMaps stats = new StatsMaps();
    Map<StatsKey, Long> shares = new HashMap<>();
    CommunityShares cap = new CommunityShares(LearnerSettings.DEFAULT_COMMUNITY_CAP_PER_DAY);
    for (Opportunity trade : trades) {
      Experience experience = experience(trade);
      for (StatsKey key : StatsUpdates.userKeys(experience)) {
        stats.users().put(key, StatsUpdates.plus(stats.users().get(key), experience, HALF_LIFE));
      }
      for (CommunityShares.KeyedContribution counted :
          cap.contribute(experience, CommunityShares.Ledger.in(shares))) {
        stats
            .community()
            .put(
                counted.key(),
                StatsUpdates.plus(
                    stats.community().get(counted.key()), counted.contribution(), HALF_LIFE));
      }
    }
    return stats;
  }

  static ConfidenceQuery query(Opportunity probe) {
    return new ConfidenceQuery(
        probe.user().userId(),
        probe.signal().symbol(),
        Side.valueOf(probe.signal().side()),
        probe.signal().features(),
        probe.signalTime());
  }

  private static Experience experience(Opportunity trade) {
    Instant entry = Instant.parse(trade.outcome().entryTime());
    Map<String, Double> features = trade.signal().features();
    return Experience.newBuilder()
        .setSignalId(trade.signal().signalId())
        .setUserId(trade.user().userId())
        .setSymbol(trade.signal().symbol())
        .setSide(Side.valueOf(trade.signal().side()))
        .setSignalMatched(true)
        .setSignalTime(trade.signalTime())
        .setEntryTime(entry)
        .setExitTime(trade.exitTime())
        .setFeatures(features)
        .setPnl(trade.outcome().pnl())
        .setWin(trade.outcome().pnl() > 0)
        .setExitReason(trade.outcome().exitReason())
        .setScheme(SCHEME.version())
        .setPatterns(SCHEME.patterns(entry, features))
        .setPrivateUser(false)
        .build();
  }
}
