package io.hivemind.replay.report;

import io.hivemind.replay.report.ReplayReport.Performance;
import java.util.ArrayList;
import java.util.List;

/** Trade results in order: totals, the equity curve, its worst drawdown, risk-adjusted return. */
public final class Ledger {

  private final List<Double> pnls = new ArrayList<>();
  private long wins;

  public void add(double pnl) {
    pnls.add(pnl);
    if (pnl > 0) {
      wins++;
    }
  }

  /** Cumulative P&L after each trade. */
  public List<Double> equity() {
    List<Double> equity = new ArrayList<>(pnls.size());
    double total = 0;
    for (double pnl : pnls) {
      total += pnl;
      equity.add(total);
    }
    return equity;
  }

  public Performance performance() {
    long trades = pnls.size();
    double total = 0;
    double peak = 0;
    double maxDrawdown = 0;
    for (double pnl : pnls) {
      total += pnl;
      peak = Math.max(peak, total);
      maxDrawdown = Math.max(maxDrawdown, peak - total);
    }
    return new Performance(
        trades,
        wins,
        Numbers.round(trades == 0 ? 0 : (double) wins / trades),
        Numbers.round(total),
        Numbers.round(maxDrawdown),
        Numbers.round(sharpe(total)));
  }

  private double sharpe(double total) {
    int n = pnls.size();
    if (n < 2) {
      return 0;
    }
    double mean = total / n;
    double squares = 0;
    for (double pnl : pnls) {
      squares += (pnl - mean) * (pnl - mean);
    }
    double deviation = Math.sqrt(squares / (n - 1));
    return deviation == 0 ? 0 : mean / deviation;
  }
}
