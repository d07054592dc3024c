package io.hivemind.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopPerformersTest {

  private final HandleMinter minter = HandleMinter.withSecret("a-test-secret-of-32-characters!!");
  private final TopPerformers top =
      new TopPerformers(new Leaderboard(2), minter, new KAnonymity(3));

  private static Leaderboard.Entry user(String id, long trades, double pnl, boolean privateUser) {
    return new Leaderboard.Entry(
        id, new Performance(trades, trades / 2, pnl, 0, 1, null), privateUser);
  }

  @Test
  void shouldShowTheBestUnderHandlesNeverUserIds() {
    List<Leaderboard.Entry> users =
        List.of(
            user("u-a", 4, 100, false),
            user("u-b", 4, 300, false),
            user("u-c", 2, 200, false),
            user("u-p", 50, 9000, true),
            user("u-d", 1, 900, false));

    CommunityFigure<List<TopPerformers.Row>> board = top.top(users, Leaderboard.Order.PNL, 2);

    assertThat(board).isInstanceOf(CommunityFigure.Shown.class);
    var shown = (CommunityFigure.Shown<List<TopPerformers.Row>>) board;
    assertThat(shown.users()).isEqualTo(3); // u-a, u-b, u-c: u-p is private, u-d has one trade
    assertThat(shown.value())
        .containsExactly(
            new TopPerformers.Row(1, minter.handleOf("u-b"), 4, 2, 0.5, 300.0, 1),
            new TopPerformers.Row(2, minter.handleOf("u-c"), 2, 1, 0.5, 200.0, 1));
    assertThat(shown.value().toString()).doesNotContain("u-b", "u-c", "u-p");
  }

  @Test
  void shouldWithholdABoardOfFewerThanKRankedUsers() {
    List<Leaderboard.Entry> users = new ArrayList<>();
    users.add(user("u-a", 4, 100, false));
    users.add(user("u-b", 4, 300, false));
    users.add(user("u-p", 4, 300, true));

    assertThat(top.top(users, Leaderboard.Order.WIN_RATE, 10))
        .isInstanceOf(CommunityFigure.Withheld.class);
  }
}
