package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.confidence.model.SideStats;
import io.hivemind.confidence.model.StatsReport;
import io.hivemind.confidence.model.StatsTotals;
import io.hivemind.schema.Side;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code /api/ml/stats}: the seed's per-side statistics of one user on one symbol. */
record StatsResponse(
    @JsonProperty("user_id") String userId,
    @JsonProperty("symbol") String symbol,
    @JsonProperty("sides") Map<String, SideView> sides,
    @JsonProperty("total") TotalView total,
    @JsonProperty("freshness") Freshness freshness)
    implements Freshness.Marked {

  @Override
  public StatsResponse withFreshness(Freshness marked) {
    return new StatsResponse(userId, symbol, sides, total, marked);
  }

  record SideView(
      @JsonProperty("trades") long trades,
      @JsonProperty("wins") long wins,
      @JsonProperty("losses") long losses,
      @JsonProperty("win_rate") double winRate,
      @JsonProperty("pnl") double pnl,
      @JsonProperty("avg_pnl") double avgPnl,
      @JsonProperty("current_streak") int currentStreak,
      @JsonProperty("best_streak") int bestStreak,
      @JsonProperty("last_trade_at") Instant lastTradeAt) {

    static SideView of(SideStats stats) {
      return new SideView(
          stats.trades(),
          stats.wins(),
          stats.losses(),
          stats.winRate(),
          stats.pnl(),
          stats.averagePnl(),
          stats.currentStreak(),
          stats.bestStreak(),
          stats.lastTradeAt().orElse(null));
    }
  }

  record TotalView(
      @JsonProperty("trades") long trades,
      @JsonProperty("wins") long wins,
      @JsonProperty("losses") long losses,
      @JsonProperty("win_rate") double winRate,
      @JsonProperty("pnl") double pnl,
      @JsonProperty("avg_pnl") double avgPnl) {

    static TotalView of(StatsTotals totals) {
      return new TotalView(
          totals.trades(),
          totals.wins(),
          totals.losses(),
          totals.winRate(),
          totals.pnl(),
          totals.averagePnl());
    }
  }

  static StatsResponse of(StatsReport report) {
    Map<String, SideView> sides = new LinkedHashMap<>();
    for (Side side : Side.values()) {
      sides.put(side.name(), SideView.of(report.sides().getOrDefault(side, SideStats.NONE)));
    }
    return new StatsResponse(
        report.userId(), report.symbol(), sides, TotalView.of(report.total()), Freshness.FRESH);
  }
}
