package io.hivemind.replay.settings;

import io.hivemind.replay.settings.ReplaySettings.Variant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A checked walk-forward optimisation: the record-time range, how it is cut into windows, the grid
 * of settings searched on each in-sample window, the objective that ranks them, and whose decisions
 * count. The baseline is the default settings (the live learner's half-life and scheme, the pattern
 * model, threshold {@value ReplaySettings#DEFAULT_THRESHOLD}), judged on the same out-of-sample
 * windows.
 */
public record WalkForwardSettings(
    Instant from,
    Instant to,
    List<String> users,
    List<String> symbols,
    Duration inSample,
    Duration outOfSample,
    Duration step,
    WindowMode mode,
    List<Double> thresholds,
    List<Duration> halfLives,
    List<String> schemes,
    List<String> models,
    Objective objective,
    int minTrades,
    Duration joinHorizon) {

  public WalkForwardSettings {
    users = List.copyOf(users);
    symbols = List.copyOf(symbols);
    thresholds = List.copyOf(thresholds);
    halfLives = List.copyOf(halfLives);
    schemes = List.copyOf(schemes);
    models = List.copyOf(models);
  }

  /** Rolling: every in-sample window has the same length. Anchored: each starts at {@code from}. */
  public enum WindowMode {
    ROLLING,
    ANCHORED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What ranks the candidates on an in-sample window. */
  public enum Objective {
    /** The P&L of the trades taken (with a known outcome); higher is better. */
    PNL,
    /** Mean P&L per trade over its standard deviation; higher is better. */
    SHARPE,
    /**
     * The Brier score of the served confidence over every decided trade (lower is better) picks the
     * way of learning; among its thresholds, in-sample P&L picks the threshold.
     */
    BRIER;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One in-sample window and the out-of-sample window right after it, record time, [from, to). */
  public record Window(
      int index,
      Instant inSampleFrom,
      Instant inSampleTo,
      Instant outOfSampleFrom,
      Instant outOfSampleTo) {}

  /** One point of the grid: a way of learning and a threshold to decide at. */
  public record Candidate(Duration halfLife, String scheme, String model, double threshold) {

    public Variant variant() {
      return new Variant(halfLife, scheme);
    }

    public String label() {
      return "half-life "
          + Durations.format(halfLife)
          + ", scheme "
          + scheme
          + ", model "
          + model
          + ", threshold "
          + threshold;
    }
  }

  /**
   * The windows, in order: the first in-sample window starts at {@code from}; each next one moves
   * by {@code step} (rolling) or grows by it (anchored); out-of-sample windows follow their
   * in-sample window directly. Only whole windows: the last ends at or before {@code to}.
   */
  public List<Window> windows() {
    List<Window> windows = new ArrayList<>();
    for (int k = 0; ; k++) {
      Instant inSampleTo = from.plus(inSample).plus(step.multipliedBy(k));
      Instant outOfSampleTo = inSampleTo.plus(outOfSample);
      if (outOfSampleTo.isAfter(to)) {
        return windows;
      }
      Instant inSampleFrom = mode == WindowMode.ANCHORED ? from : inSampleTo.minus(inSample);
      windows.add(new Window(k + 1, inSampleFrom, inSampleTo, inSampleTo, outOfSampleTo));
    }
  }

  /** How many windows {@link #windows()} holds, without making them. */
  public long windowCount() {
    Duration spare = Duration.between(from, to).minus(inSample).minus(outOfSample);
    return spare.isNegative() ? 0 : spare.toMillis() / step.toMillis() + 1;
  }

  /** The grid, in a fixed order (half-life, scheme, model, threshold, each ascending). */
  public List<Candidate> candidates() {
    List<Candidate> candidates = new ArrayList<>();
    for (Duration halfLife : halfLives) {
      for (String scheme : schemes) {
        for (String model : models) {
          for (double threshold : thresholds) {
            candidates.add(new Candidate(halfLife, scheme, model, threshold));
          }
        }
      }
    }
    return candidates;
  }

  /** The default settings, judged beside the chosen ones. */
  public static Candidate baseline() {
    return new Candidate(
        ReplaySettings.LIVE_HALF_LIFE,
        ReplaySettings.LIVE_SCHEME,
        ReplaySettings.PATTERN_MODEL,
        ReplaySettings.DEFAULT_THRESHOLD);
  }

  /**
   * The one replay that serves every candidate and the baseline: every way of learning walked side
   * by side over one read of the log, every threshold decided on each.
   */
  public ReplaySettings replaySettings() {
    TreeSet<Duration> learnWith = new TreeSet<>(halfLives);
    learnWith.add(ReplaySettings.LIVE_HALF_LIFE);
    TreeSet<String> schemesWalked = new TreeSet<>(schemes);
    schemesWalked.add(ReplaySettings.LIVE_SCHEME);
    TreeSet<Double> decideAt = new TreeSet<>(thresholds);
    decideAt.add(ReplaySettings.DEFAULT_THRESHOLD);
    return new ReplaySettings(
        from,
        to,
        users,
        symbols,
        List.copyOf(decideAt),
        List.copyOf(learnWith),
        List.copyOf(schemesWalked),
        joinHorizon,
        // every variant walks both models; each candidate decides on its own model's probability
        ReplaySettings.PATTERN_MODEL);
  }

  /** These settings in their normal form: the run card. */
  public WalkForwardRequest asRequest() {
    return new WalkForwardRequest(
        from.toString(),
        to.toString(),
        users,
        symbols,
        Durations.format(inSample),
        Durations.format(outOfSample),
        Durations.format(step),
        mode.label(),
        thresholds,
        halfLives.stream().map(Durations::format).toList(),
        schemes,
        models,
        objective.label(),
        minTrades,
        Durations.format(joinHorizon));
  }
}
