package io.hivemind.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingSymbolsTest {

  private final TrendingSymbols trending = new TrendingSymbols(new KAnonymity(5));

  @Test
  void shouldSortSymbolsByTradesThenSymbol() {
    TrendingSymbols.Board board =
        trending.of(
            Map.of(
                "ES", new Tally(40, 22, 310.0, 6),
                "NQ", new Tally(55, 20, -80.0, 9),
                "CL", new Tally(40, 30, 95.5, 5)));
    assertThat(board.shown())
        .extracting(TrendingSymbols.Row::symbol)
        .containsExactly("NQ", "CL", "ES");
    assertThat(board.shown().get(0).tally().winRate()).isEqualTo(20.0 / 55);
    assertThat(board.withheld()).isEmpty();
  }

  @Test
  void shouldWithholdASymbolOfFewerThanKUsersWithTheReason() {
    TrendingSymbols.Board board =
        trending.of(Map.of("ES", new Tally(40, 22, 310.0, 5), "GC", new Tally(300, 200, 9e3, 4)));
    assertThat(board.shown()).extracting(TrendingSymbols.Row::symbol).containsExactly("ES");
    assertThat(board.withheld())
        .containsExactly(
            new TrendingSymbols.Withheld(
                "GC", "computed from fewer than 5 distinct users: withheld for their privacy"));
  }
}
