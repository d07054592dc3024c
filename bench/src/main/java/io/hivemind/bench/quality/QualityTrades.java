package io.hivemind.bench.quality;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import io.hivemind.simulator.world.Opportunity;
import java.time.Instant;
import java.util.Map;

/** A simulated trade as the services see it: the learner's experience, the query's question. */
final class QualityTrades {

  private static final PatternScheme SCHEME = PatternScheme.v1();

  private QualityTrades() {}

  static ConfidenceQuery query(Opportunity probe) {
    return new ConfidenceQuery(
        probe.user().userId(),
        probe.signal().symbol(),
        Side.valueOf(probe.signal().side()),
        probe.signal().features(),
        probe.signalTime());
  }

  /** The experience the learner would join from the trade's signal and outcome. */
  static Experience experience(Opportunity trade) {
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
