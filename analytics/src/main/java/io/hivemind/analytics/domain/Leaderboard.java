package io.hivemind.analytics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks users by P&L and by win rate. Only users with at least {@code minTrades} trades are ranked
 * in either (a single lucky trade tops neither), and private users never are. Ranks are 1, 2, 3, …
 * with no shared places: ties are broken deterministically, so the same figures always give the
 * same order:
 *
 * <ul>
 *   <li>by P&L: higher P&L, then more trades, then the user id (ascending);
 *   <li>by win rate: higher win rate (compared exactly, as wins × trades cross-products, not as
 *       rounded doubles), then more trades, then higher P&L, then the user id.
 * </ul>
 */
public final class Leaderboard {

  public static final int DEFAULT_MIN_TRADES = 20;

  private static final Comparator<Entry> BY_USER = Comparator.comparing(Entry::userId);

  private static final Comparator<Entry> BY_PNL =
      Comparator.<Entry>comparingDouble(e -> e.performance().pnl())
          .reversed()
          .thenComparing(Comparator.<Entry>comparingLong(e -> e.performance().trades()).reversed())
          .thenComparing(BY_USER);

  private static final Comparator<Entry> BY_WIN_RATE =
      ((Comparator<Entry>) Leaderboard::compareWinRate)
          .reversed()
          .thenComparing(Comparator.<Entry>comparingLong(e -> e.performance().trades()).reversed())
          .thenComparing(Comparator.<Entry>comparingDouble(e -> e.performance().pnl()).reversed())
          .thenComparing(BY_USER);

  private final int minTrades;

  public Leaderboard(int minTrades) {
    if (minTrades < 1) {
      throw new IllegalArgumentException("minTrades must be at least 1, was " + minTrades);
    }
    this.minTrades = minTrades;
  }

  public int minTrades() {
    return minTrades;
  }

  /** A user as the leaderboard sees them. */
  public record Entry(String userId, Performance performance, boolean privateUser) {
    public static Entry of(String userId, UserLedger ledger) {
      return new Entry(userId, ledger.performance(), ledger.privateUser());
    }
  }

  /** A ranked user: rank 1 is the best. */
  public record Standing(int rank, String userId, Performance performance) {}

  public enum Order {
    PNL,
    WIN_RATE
  }

  /** Why a user has no rank. */
  public enum Unranked {
    PRIVATE_USER,
    TOO_FEW_TRADES
  }

  public List<Standing> rank(Map<String, UserLedger> ledgers, Order order) {
    List<Entry> entries = new ArrayList<>();
    ledgers.forEach((user, ledger) -> entries.add(Entry.of(user, ledger)));
    return rank(entries, order);
  }

  public List<Standing> rank(List<Entry> entries, Order order) {
    List<Entry> eligible =
        entries.stream()
            .filter(e -> reason(e) == null)
            .sorted(order == Order.PNL ? BY_PNL : BY_WIN_RATE)
            .toList();
    List<Standing> standings = new ArrayList<>(eligible.size());
    for (int i = 0; i < eligible.size(); i++) {
      Entry e = eligible.get(i);
      standings.add(new Standing(i + 1, e.userId(), e.performance()));
    }
    return standings;
  }

  /** Why {@code entry} is not ranked, or null if it is. */
  public Unranked reason(Entry entry) {
    if (entry.privateUser()) {
      return Unranked.PRIVATE_USER;
    }
    return entry.performance().trades() < minTrades ? Unranked.TOO_FEW_TRADES : null;
  }

  private static int compareWinRate(Entry a, Entry b) {
    Performance x = a.performance();
    Performance y = b.performance();
    // wins_x / trades_x vs wins_y / trades_y, exactly; both have trades >= minTrades >= 1
    return Long.compare(
        Math.multiplyExact(x.wins(), y.trades()), Math.multiplyExact(y.wins(), x.trades()));
  }
}
