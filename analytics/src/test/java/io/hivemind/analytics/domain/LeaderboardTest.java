package io.hivemind.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

  private static Leaderboard.Entry user(String id, long trades, long wins, double pnl) {
    return new Leaderboard.Entry(id, new Performance(trades, wins, pnl, 0, 0, null), false);
  }

  private static final List<Leaderboard.Entry> USERS =
      List.of(
          user("f", 3, 2, 10),
          user("e", 6, 4, 10),
          user("d", 2, 2, 1000), // too few trades
          new Leaderboard.Entry("p", new Performance(10, 10, 5000, 10, 10, null), true),
          user("c", 4, 3, 500),
          user("b", 3, 3, 120),
          user("a", 3, 2, 120));

  private final Leaderboard board = new Leaderboard(3);

  @Test
  void shouldRankByPnlBreakingTiesByTradesThenUserId() {
    assertThat(board.rank(USERS, Leaderboard.Order.PNL))
        .extracting(Leaderboard.Standing::rank, Leaderboard.Standing::userId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "c"),
            org.assertj.core.groups.Tuple.tuple(2, "a"),
            org.assertj.core.groups.Tuple.tuple(3, "b"),
            org.assertj.core.groups.Tuple.tuple(4, "e"),
            org.assertj.core.groups.Tuple.tuple(5, "f"));
  }

  @Test
  void shouldRankByExactWinRateBreakingTiesByTradesThenPnl() {
    // e (4/6), a (2/3, $120) and f (2/3, $10) have the same win rate
    assertThat(board.rank(USERS, Leaderboard.Order.WIN_RATE))
        .extracting(Leaderboard.Standing::userId)
        .containsExactly("b", "c", "e", "a", "f");
  }

  @Test
  void shouldGiveTheSameRanksWhateverTheInputOrder() {
    List<Leaderboard.Entry> reversed = new java.util.ArrayList<>(USERS);
    java.util.Collections.reverse(reversed);
    assertThat(board.rank(reversed, Leaderboard.Order.WIN_RATE))
        .isEqualTo(board.rank(USERS, Leaderboard.Order.WIN_RATE));
  }

  @Test
  void shouldSayWhyAUserIsNotRanked() {
    assertThat(board.reason(USERS.get(2))).isEqualTo(Leaderboard.Unranked.TOO_FEW_TRADES);
    assertThat(board.reason(USERS.get(3))).isEqualTo(Leaderboard.Unranked.PRIVATE_USER);
    assertThat(board.reason(USERS.get(0))).isNull();
  }

  @Test
  void shouldRankNobodyUnderTwentyTradesByDefault() {
    Leaderboard defaults = new Leaderboard(Leaderboard.DEFAULT_MIN_TRADES);
    assertThat(defaults.rank(USERS, Leaderboard.Order.PNL)).isEmpty();
    assertThat(defaults.rank(List.of(user("z", 20, 1, -5)), Leaderboard.Order.PNL))
        .extracting(Leaderboard.Standing::rank)
        .containsExactly(1);
    assertThatThrownBy(() -> new Leaderboard(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
