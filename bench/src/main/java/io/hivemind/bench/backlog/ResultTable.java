package io.hivemind.bench.backlog;

import java.util.ArrayList;
import java.util.List;

/** The closing table of a benchmark: figure | baseline | target | met?. */
public final class ResultTable {

  private record Row(String what, String figure, String baseline, String target, String met) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** {@code met} null: no target for this row. */
  public ResultTable add(String what, String figure, String baseline, String target, Boolean met) {
    rows.add(new Row(what, figure, baseline, target, met == null ? "-" : met ? "yes" : "NO"));
    return this;
  }

  public ResultTable note(String note) {
    notes.add(note);
    return this;
  }

  public void print() {
    String[] header = {"what", "figure", "baseline", "target", "met?"};
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
    }
    for (Row row : rows) {
      String[] cells = cells(row);
      for (int i = 0; i < cells.length; i++) {
        width[i] = Math.max(width[i], cells[i].length());
      }
    }
    System.out.println();
    System.out.println(line(header, width));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    System.out.println(rule);
    for (Row row : rows) {
      System.out.println(line(cells(row), width));
    }
    for (String note : notes) {
      System.out.println("  " + note);
    }
  }

  private static String[] cells(Row row) {
    return new String[] {row.what, row.figure, row.baseline, row.target, row.met};
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", cells[i]));
    }
    return line.toString().stripTrailing();
  }
}
