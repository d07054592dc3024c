package io.hivemind.confidence.model;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.StatsLookup;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads a user's record from the level-0 statistics, which count every trade of a (symbol, side).
 */
public final class StatsReporter {

  private static final int LEVEL_0 = 0;

  private final String levelZeroPattern;

  public StatsReporter(PatternScheme scheme) {
    // level 0 is the bare scheme version: one pattern holding every trade of the (symbol, side)
    this.levelZeroPattern = scheme.version();
  }

  public static StatsReporter v1() {
    return new StatsReporter(PatternScheme.v1());
  }

  public StatsReport report(String userId, String symbol, StatsLookup stats) {
    Map<Side, SideStats> sides = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      sides.put(
          side,
          stats
              .user(new StatsKey(userId, symbol, side, LEVEL_0, levelZeroPattern))
              .map(SideStats::of)
              .orElse(SideStats.NONE));
    }
    return new StatsReport(userId, symbol, sides, StatsTotals.of(sides.values()));
  }
}
