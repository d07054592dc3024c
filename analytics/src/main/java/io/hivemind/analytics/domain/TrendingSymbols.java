package io.hivemind.analytics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Today's trending symbols: each symbol's fleet tally of the UTC day ({@link Bucket.SymbolDay}),
 * most traded first (then the symbol, so equal counts keep one order). A symbol traded by fewer
 * than k distinct users is withheld with the reason: its figures would be those few users'.
 */
public final class TrendingSymbols {

  private final KAnonymity k;

  public TrendingSymbols(KAnonymity k) {
    this.k = k;
  }

  /** A shown row: a symbol and its tally (with its distinct users). */
  public record Row(String symbol, Tally tally) {}

  /** The answer: shown rows in order, and the symbols withheld with their reasons. */
  public record Board(List<Row> shown, List<Withheld> withheld) {}

  /** A name (a symbol, a strategy) whose figures are withheld, and why. */
  public record Withheld(String name, String reason) {}

  /**
   * @param bySymbol each symbol's fleet tally of the day
   */
  public Board of(Map<String, Tally> bySymbol) {
    List<Row> shown = new ArrayList<>();
    List<Withheld> withheld = new ArrayList<>();
    bySymbol.forEach(
        (symbol, tally) -> {
          if (k.figure(tally) instanceof CommunityFigure.Withheld<Tally> w) {
            withheld.add(new Withheld(symbol, w.reason()));
          } else {
            shown.add(new Row(symbol, tally));
          }
        });
    shown.sort(
        Comparator.<Row>comparingLong(r -> r.tally().trades())
            .reversed()
            .thenComparing(Row::symbol));
    withheld.sort(Comparator.comparing(Withheld::name));
    return new Board(List.copyOf(shown), List.copyOf(withheld));
  }
}
