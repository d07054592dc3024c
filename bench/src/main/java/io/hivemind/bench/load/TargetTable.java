package io.hivemind.bench.load;

import java.util.ArrayList;
import java.util.List;

/** The closing table of a benchmark, as Markdown: figure | baseline | target | met?. */
public final class TargetTable {

  private static final String[] HEADER = {
    "what", "figure", "baseline (same run)", "target", "met?"
  };

  private final List<String[]> rows = new ArrayList<>();

  /** {@code met} null: no target, or not measured. */
  public TargetTable row(String what, String figure, String baseline, String target, Boolean met) {
    rows.add(new String[] {what, figure, baseline, target, met == null ? "—" : met ? "yes" : "NO"});
    return this;
  }

  public String render() {
    int[] widths = new int[HEADER.length];
    List<String[]> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(rows);
    for (String[] row : all) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    append(out, HEADER, widths);
    StringBuilder rule = new StringBuilder("|");
    for (int width : widths) {
      rule.append(" ").append("-".repeat(width)).append(" |");
    }
    out.append(rule).append(System.lineSeparator());
    for (String[] row : rows) {
      append(out, row, widths);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String[] row, int[] widths) {
    out.append("|");
    for (int c = 0; c < row.length; c++) {
      out.append(" ").append(row[c]).append(" ".repeat(widths[c] - row[c].length())).append(" |");
    }
    out.append(System.lineSeparator());
  }
}
