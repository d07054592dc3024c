package io.hivemind.analytics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The analytics' JSON answers (snake_case on the wire, {@code quarkus.jackson.property-naming-
 * strategy}): the contract the dashboard reads, docs/analytics.md. A withheld community figure says
 * so and why, never a silent gap.
 */
final class Bodies {

  private Bodies() {}

  record Me(String userId, String role) {}

  /** Where the dashboard finds the other services (ADR 20). */
  record Endpoints(String gateway, String query, String learner) {}

  /** An hour of a user's own figures, or the fleet's shown; {@code users} only for the fleet. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HourRow(
      Instant start,
      Boolean withheld,
      Long trades,
      Long wins,
      Double winRate,
      Double pnl,
      Integer users) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DayRow(
      LocalDate date,
      Boolean withheld,
      Long trades,
      Long wins,
      Double winRate,
      Double pnl,
      Integer users) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CellRow(
      String symbol,
      int hour,
      Boolean withheld,
      Long trades,
      Long wins,
      Double winRate,
      Double pnl,
      Integer users) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Community(
      boolean withheld, String reason, Integer users, Long trades, Double winRate, Double avgPnl) {}

  record Performance(
      String userId,
      long trades,
      long wins,
      long losses,
      double winRate,
      double pnl,
      int winStreak,
      int bestStreak,
      Instant lastExitTime,
      List<HourRow> hourly,
      List<DayRow> daily,
      List<CellRow> heatmap,
      Community community) {}

  record Place(int rank, int of) {}

  record Rank(
      String userId,
      int minTrades,
      long trades,
      Place byPnl,
      Place byWinRate,
      String unrankedReason) {}

  record HeldBadge(String badge, String description, Instant earnedAt, String signalId) {}

  record AvailableBadge(String badge, String description) {}

  record Badges(
      String userId, String ruleSet, List<HeldBadge> badges, List<AvailableBadge> available) {}

  record Performer(
      int rank,
      String handle,
      long trades,
      long wins,
      double winRate,
      double pnl,
      int bestStreak) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TopPerformers(
      String by,
      int minTrades,
      int k,
      boolean withheld,
      String reason,
      Integer rankedUsers,
      List<Performer> performers) {}

  record SymbolRow(String symbol, long trades, long wins, double winRate, double pnl, int users) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WithheldSymbol(String symbol, String reason) {}

  record TrendingSymbols(
      LocalDate date, int k, List<SymbolRow> symbols, List<WithheldSymbol> withheld) {}

  record StrategyRow(
      String pattern, long trades, long wins, double winRate, double pnl, int users) {}

  record WithheldStrategy(String pattern, String reason) {}

  record HotStrategies(
      LocalDate date,
      int k,
      int minTrades,
      List<StrategyRow> strategies,
      List<WithheldStrategy> withheld) {}

  record BotStats(
      String userId,
      long trades,
      long wins,
      double pnl,
      boolean privateUser,
      Instant lastHeartbeat,
      boolean active) {}

  record BotsStats(Instant asOf, List<BotStats> users) {}

  record Growth(
      Long experiences,
      String experiencesWithheld,
      int users,
      int usersToday,
      long activeBots,
      long distinctPatterns) {}

  record Fleet(
      Instant asOf,
      int k,
      Growth growth,
      List<HourRow> hourly,
      List<DayRow> daily,
      List<CellRow> heatmap,
      TopPerformers leaderboard) {}

  record BadgeEvent(String userId, String badge, Instant earnedAt) {}
}
