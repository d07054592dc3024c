package io.hivemind.simulator.demo;

import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.bot.BotTransport;
import io.hivemind.simulator.bot.ConfidenceAnswer;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.score.DivergenceGrid;
import io.hivemind.simulator.truth.TruthModel;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the service the {@link DivergenceGrid}'s questions and prints each answer beside the truth
 * and the evidence it rests on: the proof that answers differ by pattern and by user, and by how
 * much compared with how much they truly differ. Without a service (offline), the truths alone.
 */
final class DivergenceReport {

  private static final int USER_WIDTH = 32;
  private static final int CELL_WIDTH = 26;

  private DivergenceReport() {}

  /** {@code transports} null: offline, truths only. */
  static void print(
      PrintWriter out,
      DivergenceGrid grid,
      TruthModel truth,
      Function<SimulatedUser, BotTransport> transports) {
    boolean live = transports != null;
    int users = grid.users().size();
    int columns = grid.columns().size();
    double[][] served = new double[users][columns];
    double[][] truths = new double[users][columns];
    out.println();
    out.printf(
        "DIVERGENCE  %s %s at %s, same time and market for every cell%n",
        grid.symbol(), grid.side(), grid.time());
    out.println(
        live
            ? "  cell: served win_probability [truth] user_trades/community_trades"
            : "  cell: truth (offline: no service to ask)");
    StringBuilder header = new StringBuilder(pad("  user (skill, tier)", USER_WIDTH));
    StringBuilder seen = new StringBuilder(pad("  trades by the fleet", USER_WIDTH));
    for (DivergenceGrid.Column column : grid.columns()) {
      header.append(pad(column.pattern(), CELL_WIDTH));
      seen.append(pad(Formats.count(column.seen()) + "x", CELL_WIDTH));
    }
    out.println(header.toString().stripTrailing());
    out.println(seen.toString().stripTrailing());
    for (int u = 0; u < users; u++) {
      SimulatedUser user = grid.users().get(u);
      BotTransport transport = live ? transports.apply(user) : null;
      StringBuilder row =
          new StringBuilder(
              pad(
                  String.format(
                      Locale.ROOT, "  %s (%+.2f, %s)", user.userId(), user.skill(), user.tier()),
                  USER_WIDTH));
      for (int c = 0; c < columns; c++) {
        DivergenceGrid.Column column = grid.columns().get(c);
        double cellTruth = grid.truth(truth, user, column);
        truths[u][c] = cellTruth;
        String cell = Formats.decimal(cellTruth, 3);
        served[u][c] = Double.NaN;
        if (live) {
          Optional<ConfidenceAnswer> answer =
              transport.askConfidence(probe(grid, user, column, u, c), user.threshold());
          cell = answer.map(a -> cell(a, cellTruth)).orElse("no answer [" + cell + "]");
          served[u][c] = answer.map(ConfidenceAnswer::winProbability).orElse(Double.NaN);
        }
        row.append(pad(cell, CELL_WIDTH));
      }
      out.println(row.toString().stripTrailing());
    }
    out.printf(
        "  spread across patterns (per user, averaged): %struth %s%n",
        live ? "served " + Formats.decimal(acrossColumns(served), 3) + ", " : "",
        Formats.decimal(acrossColumns(truths), 3));
    out.printf(
        "  spread across users (per pattern, averaged): %struth %s%n",
        live ? "served " + Formats.decimal(acrossRows(served), 3) + ", " : "",
        Formats.decimal(acrossRows(truths), 3));
  }

  private static String cell(ConfidenceAnswer answer, double truth) {
    return Formats.decimal(answer.winProbability(), 3)
        + " ["
        + Formats.decimal(truth, 3)
        + "] "
        + answer.userTrades()
        + "/"
        + answer.communityTrades();
  }

  /** A question only: the id is never posted to the gateway. */
  private static SignalRequest probe(
      DivergenceGrid grid, SimulatedUser user, DivergenceGrid.Column column, int u, int c) {
    return new SignalRequest(
        "divergence-probe-" + u + "-" + c,
        user.userId(),
        grid.symbol(),
        grid.side(),
        column.price(),
        grid.time().toString(),
        "vwap_rsi",
        column.features());
  }

  /** Mean over rows of (max − min) within the row. */
  private static double acrossColumns(double[][] values) {
    double total = 0;
    int rows = 0;
    for (double[] row : values) {
      double range = range(row);
      if (!Double.isNaN(range)) {
        total += range;
        rows++;
      }
    }
    return rows == 0 ? Double.NaN : total / rows;
  }

  /** Mean over columns of (max − min) within the column. */
  private static double acrossRows(double[][] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[][] transposed = new double[values[0].length][values.length];
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        transposed[c][r] = values[r][c];
      }
    }
    return acrossColumns(transposed);
  }

  private static double range(double[] values) {
    double min = Double.NaN;
    double max = Double.NaN;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        min = Double.isNaN(min) ? value : Math.min(min, value);
        max = Double.isNaN(max) ? value : Math.max(max, value);
      }
    }
    return max - min;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + "  " : text + " ".repeat(width - text.length());
  }
}
