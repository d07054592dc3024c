package io.hivemind.analytics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Today's hot strategies: each strategy's (pattern key above level 0, {@link Trade#strategies()})
 * fleet tally of the UTC day ({@link Bucket.PatternDay}), best win rate first. A strategy needs
 * {@code minTrades} trades today to be ranked (two lucky wins are not a hot strategy) and k
 * distinct users to be shown at all; one that falls short of either is withheld with the reason.
 *
 * <p>Order: higher win rate, compared exactly (wins × trades cross-products), then more trades,
 * then the pattern key.
 */
public final class HotStrategies {

  /** Trades a strategy needs today to be ranked, unless configured otherwise. */
  public static final int DEFAULT_MIN_TRADES = 10;

  private static final Comparator<Row> ORDER =
      ((Comparator<Row>) HotStrategies::compareWinRate)
          .reversed()
          .thenComparing(Comparator.<Row>comparingLong(r -> r.tally().trades()).reversed())
          .thenComparing(Row::pattern);

  private final KAnonymity k;
  private final int minTrades;

  public HotStrategies(KAnonymity k, int minTrades) {
    if (minTrades < 1) {
      throw new IllegalArgumentException("minTrades must be at least 1, was " + minTrades);
    }
    this.k = k;
    this.minTrades = minTrades;
  }

  public int minTrades() {
    return minTrades;
  }

  /** A shown row: a strategy and its tally (with its distinct users). */
  public record Row(String pattern, Tally tally) {}

  /** The answer: shown rows in order, and the strategies withheld with their reasons. */
  public record Board(List<Row> shown, List<TrendingSymbols.Withheld> withheld) {}

  /**
   * @param byPattern each strategy's fleet tally of the day
   */
  public Board of(Map<String, Tally> byPattern) {
    List<Row> shown = new ArrayList<>();
    List<TrendingSymbols.Withheld> withheld = new ArrayList<>();
    byPattern.forEach(
        (pattern, tally) -> {
          String reason = reason(tally);
          if (reason != null) {
            withheld.add(new TrendingSymbols.Withheld(pattern, reason));
          } else {
            shown.add(new Row(pattern, tally));
          }
        });
    shown.sort(ORDER);
    withheld.sort(Comparator.comparing(TrendingSymbols.Withheld::name));
    return new Board(List.copyOf(shown), List.copyOf(withheld));
  }

  /**
   * The distinct strategies with evidence: those whose all-time tally ({@link Bucket.Pattern}) has
   * at least {@code minTrades} trades from at least k distinct users, the same bar a strategy
   * clears to be shown as hot on a day. A strategy one or two bots lean on is not the hive's.
   *
   * @param allTimeByPattern each strategy's all-time fleet tally
   */
  public long withEvidence(Map<String, Tally> allTimeByPattern) {
    return allTimeByPattern.values().stream().filter(t -> reason(t) == null).count();
  }

  /** Why {@code tally} is not shown, or null if it is. */
  private String reason(Tally tally) {
    if (k.figure(tally) instanceof CommunityFigure.Withheld<Tally> w) {
      return w.reason();
    }
    return tally.trades() < minTrades
        ? "fewer than " + minTrades + " trades: too little evidence to rank"
        : null;
  }

  private static int compareWinRate(Row a, Row b) {
    Tally x = a.tally();
    Tally y = b.tally();
    return Long.compare(
        Math.multiplyExact(x.wins(), y.trades()), Math.multiplyExact(y.wins(), x.trades()));
  }
}
