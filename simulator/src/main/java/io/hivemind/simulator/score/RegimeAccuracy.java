package io.hivemind.simulator.score;

import io.hivemind.learning.regime.MarketRegime;
import io.hivemind.learning.regime.MinuteBar;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.learning.regime.RegimeReading;
import io.hivemind.learning.regime.RegimeState;
import io.hivemind.simulator.market.Bar;
import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.market.PricePath;
import io.hivemind.simulator.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How often the regime classifier names the simulator's true regime, minute by minute: each world
 * (seed × instrument) is one price path fed bar by bar to the classifier, and every minute after
 * the warm-up is scored against the regime the bar was made in. A minute the classifier cannot yet
 * answer for (still learning the norm) counts as wrong.
 */
public final class RegimeAccuracy {

  private static final int N = MarketRegime.values().length;

  /**
   * Rows: the true regime; columns: the answer ({@code N} = no answer yet).
   *
   * @param minutes scored minutes
   */
  public record Result(long[][] confusion, long minutes) {

    public double accuracy() {
      long right = 0;
      for (int i = 0; i < N; i++) {
        right += confusion[i][i];
      }
      return minutes == 0 ? 0 : (double) right / minutes;
    }

    /** Of the minutes truly in {@code regime}, the share answered as such (recall). */
    public double recall(MarketRegime regime) {
      long row = 0;
      for (long count : confusion[regime.ordinal()]) {
        row += count;
      }
      return row == 0 ? 0 : (double) confusion[regime.ordinal()][regime.ordinal()] / row;
    }

    /** The confusion matrix as a Markdown table, shares of each true regime's minutes. */
    public String table() {
      StringBuilder out = new StringBuilder("| true \\ answered |");
      for (MarketRegime regime : MarketRegime.values()) {
        out.append(' ').append(regime.label()).append(" |");
      }
      out.append(" none | minutes |\n|---|---|---|---|---|---|---|\n");
      for (MarketRegime truth : MarketRegime.values()) {
        long[] row = confusion[truth.ordinal()];
        long total = 0;
        for (long count : row) {
          total += count;
        }
        out.append("| ").append(truth.label()).append(" |");
        for (long count : row) {
          out.append(
              String.format(Locale.ROOT, " %.3f |", total == 0 ? 0 : (double) count / total));
        }
        out.append(' ').append(total).append(" |\n");
      }
      out.append(
          String.format(Locale.ROOT, "accuracy %.4f over %d minutes%n", accuracy(), minutes));
      return out.toString();
    }
  }

  private RegimeAccuracy() {}

  /**
   * Runs {@code days} of minutes per world from {@code start}, scoring after {@code warmupDays}.
   */
  public static Result measure(
      RegimeClassifier classifier,
      List<Long> seeds,
      List<Instrument> instruments,
      Instant start,
      int days,
      int warmupDays) {
    return measure(classifier, seeds, instruments, start, days, warmupDays, 0);
  }

  /**
   * As above, with each bar left out with probability {@code missing} (a fleet whose heartbeats
   * miss minutes); every minute is still scored.
   */
  public static Result measure(
      RegimeClassifier classifier,
      List<Long> seeds,
      List<Instrument> instruments,
      Instant start,
      int days,
      int warmupDays,
      double missing) {
    long[][] confusion = new long[N][N + 1];
    long minutes = 0;
    Instant scoredFrom = start.plus(Duration.ofDays(warmupDays));
    Instant end = start.plus(Duration.ofDays(days));
    for (long seed : seeds) {
      for (Instrument instrument : instruments) {
        PricePath path = new PricePath(instrument, seed, start);
        RegimeState state = RegimeState.empty();
        SplittableRandom gaps = Seeds.random(seed, "regime-gaps/" + instrument.symbol());
        while (true) {
          Bar bar = path.next();
          if (!bar.time().isBefore(end)) {
            break;
          }
          if (gaps.nextDouble() >= missing) {
            state = classifier.observe(state, new MinuteBar(bar.time(), bar.close(), bar.volume()));
          }
          if (bar.time().isBefore(scoredFrom)) {
            continue;
          }
          int truth = MarketRegime.valueOf(path.regime().name()).ordinal();
          int answer =
              classifier.read(state) instanceof RegimeReading.Classified classified
                  ? classified.regime().ordinal()
                  : N;
          confusion[truth][answer]++;
          minutes++;
        }
      }
    }
    return new Result(confusion, minutes);
  }
}
