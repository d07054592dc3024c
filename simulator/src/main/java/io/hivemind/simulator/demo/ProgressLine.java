package io.hivemind.simulator.demo;

import io.hivemind.learning.score.Calibration;
import io.hivemind.simulator.score.FleetTally;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one-line live progress: rewritten in place ("\r") on a terminal, printed as full lines when
 * the output goes to a file or pipe, where carriage returns would pile up.
 */
final class ProgressLine {

  private static final DateTimeFormatter SIM_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final boolean inPlace;
  private int lastLength;

  ProgressLine(PrintWriter out, boolean inPlace) {
    this.out = out;
    this.inPlace = inPlace;
  }

  synchronized void print(String line) {
    if (inPlace) {
      String padding = " ".repeat(Math.max(0, lastLength - line.length()));
      out.print("\r" + line + padding);
      lastLength = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the rewritten line so what is printed next starts on its own line. */
  synchronized void finish() {
    if (inPlace && lastLength > 0) {
      out.println();
      lastLength = 0;
    }
  }

  static String format(Instant simulatedNow, FleetTally.Snapshot tally, Calibration served) {
    return "sim "
        + SIM_TIME.format(simulatedNow)
        + " | taken "
        + Formats.count(tally.taken())
        + " skipped "
        + Formats.count(tally.skipped())
        + " | win "
        + Formats.percent(tally.winRate())
        + " P&L "
        + Formats.dollars(tally.pnl())
        + " | served Brier "
        + Formats.decimal(served.brier(), 3)
        + " ECE "
        + Formats.decimal(served.expectedCalibrationError(), 3)
        + " mean "
        + Formats.decimal(served.meanPredicted(), 3)
        + " vs won "
        + Formats.decimal(served.realizedWinRate(), 3)
        + " | retries "
        + Formats.count(tally.retries())
        + " errors "
        + Formats.count(tally.errors() + tally.rejects());
  }
}
