package io.hivemind.analytics.domain;

import java.util.List;

/**
 * The community's leaderboard as an answer shows it: ranked users under their anonymous handles,
 * never their user ids; private users are never in it ({@link Leaderboard}). With fewer than k
 * ranked users the whole board is withheld: a board of two is two users' figures, easily linked to
 * who they are.
 */
public final class TopPerformers {

  private final Leaderboard leaderboard;
  private final HandleMinter handles;
  private final KAnonymity k;

  public TopPerformers(Leaderboard leaderboard, HandleMinter handles, KAnonymity k) {
    this.leaderboard = leaderboard;
    this.handles = handles;
    this.k = k;
  }

  /** One row of the board: no user id. */
  public record Row(
      int rank,
      String handle,
      long trades,
      long wins,
      double winRate,
      double pnl,
      int bestStreak) {}

  /** The best {@code limit} users by {@code order}, or the board withheld. */
  public CommunityFigure<List<Row>> top(
      List<Leaderboard.Entry> entries, Leaderboard.Order order, int limit) {
    List<Leaderboard.Standing> ranked = leaderboard.rank(entries, order);
    if (ranked.size() < k.k()) {
      return k.figure(List.of(), ranked.size());
    }
    List<Row> rows =
        ranked.stream()
            .limit(limit)
            .map(
                s ->
                    new Row(
                        s.rank(),
                        handles.handleOf(s.userId()),
                        s.performance().trades(),
                        s.performance().wins(),
                        s.performance().winRate(),
                        s.performance().pnl(),
                        s.performance().bestStreak()))
            .toList();
    return new CommunityFigure.Shown<>(rows, ranked.size());
  }
}
