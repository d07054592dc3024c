package io.hivemind.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HotStrategiesTest {

  private final HotStrategies hot = new HotStrategies(new KAnonymity(5), 10);

  @Test
  void shouldRankByExactWinRateThenTradesThenPattern() {
    HotStrategies.Board board =
        hot.of(
            Map.of(
                "v1/mid", new Tally(30, 18, 120.0, 7), // 0.6
                "v1/open", new Tally(10, 6, 40.0, 5), // 0.6, fewer trades
                "v1/mid/rsi6/vz-5", new Tally(12, 9, 75.0, 5), // 0.75
                "v1/close", new Tally(20, 6, -60.0, 8))); // 0.3
    assertThat(board.shown())
        .extracting(HotStrategies.Row::pattern)
        .containsExactly("v1/mid/rsi6/vz-5", "v1/mid", "v1/open", "v1/close");
    assertThat(board.withheld()).isEmpty();
  }

  @Test
  void shouldWithholdAStrategyUnderKUsersOrUnderTheMinimumTrades() {
    HotStrategies.Board board =
        hot.of(
            Map.of(
                "v1/mid", new Tally(30, 18, 120.0, 7),
                "v1/open", new Tally(9, 9, 40.0, 6),
                "v1/close", new Tally(50, 45, 300.0, 4)));
    assertThat(board.shown()).extracting(HotStrategies.Row::pattern).containsExactly("v1/mid");
    assertThat(board.withheld())
        .containsExactly(
            new TrendingSymbols.Withheld(
                "v1/close",
                "computed from fewer than 5 distinct users: withheld for their privacy"),
            new TrendingSymbols.Withheld(
                "v1/open", "fewer than 10 trades: too little evidence to rank"));
  }

  @Test
  void shouldCountTheDistinctStrategiesWithKUsersAndTheMinimumTrades() {
    long distinct =
        hot.withEvidence(
            Map.of(
                "v1/mid", new Tally(10, 1, -9.0, 5),
                "v1/open", new Tally(9, 9, 40.0, 6),
                "v1/close", new Tally(500, 45, 300.0, 4),
                "v1/post", new Tally(11, 4, 3.0, 11)));
    assertThat(distinct).isEqualTo(2);
  }
}
