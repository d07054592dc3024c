package io.hivemind.replay.cli;

import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.Violation;
import io.hivemind.replay.settings.WalkForwardRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./hivemind replay walk-forward}'s options, read into the same {@link WalkForwardRequest}
 * the HTTP API takes. The grid's options are plural; the singular forms {@code ./hivemind replay}
 * uses are read as the same options.
 */
record WalkForwardArguments(WalkForwardRequest request, Path out) {

  static final String USAGE =
      """
      Usage: ./hivemind replay walk-forward --from T1 --to T2 --in-sample 7d --out-of-sample 1d
                 --out DIR [--step 1d] [--windows rolling|anchored]
                 [--thresholds 0.5,0.55,0.6] [--half-lives 7d,30d] [--schemes v1] [--models pattern]
                 [--objective pnl|sharpe|brier] [--min-trades 10]
                 [--users U,...] [--symbols S,...] [--join-horizon 24h]
        Per window, chooses the grid's best settings on the in-sample range (only trades whose
        outcome was known by its end) and judges them on the out-of-sample range after it, beside
        the default settings (half-life 30d, scheme v1, model pattern, threshold 0.5).
        Windows: the first in-sample range starts at T1; rolling ranges keep their length, anchored
        ones grow from T1; each next window is --step later (default: --out-of-sample).
        T1, T2: 2026-11-01 or 2026-11-01T09:30:00Z (record time). Durations: 30d, 12h, 90m, 45s.
        Writes DIR/report.json and DIR/report.html.
      """;

  private static final List<String> OPTIONS =
      List.of(
          "--from",
          "--to",
          "--out",
          "--in-sample",
          "--out-of-sample",
          "--step",
          "--windows",
          "--thresholds",
          "--half-lives",
          "--schemes",
          "--models",
          "--objective",
          "--min-trades",
          "--users",
          "--symbols",
          "--join-horizon");

  private static final Map<String, String> ALIASES =
      Map.of(
          "--threshold", "--thresholds",
          "--half-life", "--half-lives",
          "--scheme", "--schemes",
          "--model", "--models");

  static WalkForwardArguments parse(String[] args) {
    List<Violation> violations = new ArrayList<>();
    Map<String, String> values = Options.read(args, OPTIONS, ALIASES, violations);
    if (!values.containsKey("--out")) {
      violations.add(new Violation("--out", "is required: the directory to write the report to"));
    }
    List<Double> thresholds =
        Options.numbers("--thresholds", values.get("--thresholds"), violations);
    Integer minTrades = null;
    if (values.containsKey("--min-trades")) {
      try {
        minTrades = Integer.parseInt(values.get("--min-trades"));
      } catch (NumberFormatException e) {
        violations.add(
            new Violation(
                "--min-trades", "'" + values.get("--min-trades") + "' is not a whole number"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidSettingsException(violations);
    }
    return new WalkForwardArguments(
        new WalkForwardRequest(
            values.get("--from"),
            values.get("--to"),
            Options.list(values.get("--users")),
            Options.list(values.get("--symbols")),
            values.get("--in-sample"),
            values.get("--out-of-sample"),
            values.get("--step"),
            values.get("--windows"),
            thresholds,
            Options.list(values.get("--half-lives")),
            Options.list(values.get("--schemes")),
            Options.list(values.get("--models")),
            values.get("--objective"),
            minTrades,
            values.get("--join-horizon")),
        Path.of(values.get("--out")));
  }

  /** The option a request field is set by: {@code half_lives} is {@code --half-lives}. */
  static String option(String field) {
    String option = "--" + field.replace('_', '-');
    return OPTIONS.contains(option) ? option : field;
  }
}
