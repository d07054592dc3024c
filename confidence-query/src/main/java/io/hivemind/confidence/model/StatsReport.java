package io.hivemind.confidence.model;

import io.hivemind.schema.Side;
import java.util.Map;

/** What {@code /api/ml/stats} reports: a user's record on a symbol, by side and in total. */
public record StatsReport(
    String userId, String symbol, Map<Side, SideStats> sides, StatsTotals total) {

  public StatsReport {
    sides = Map.copyOf(sides);
  }
}
