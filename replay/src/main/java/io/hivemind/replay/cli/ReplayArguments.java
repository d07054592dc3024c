package io.hivemind.replay.cli;

import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./hivemind replay}'s options, read into the same {@link ReplayRequest} the HTTP API takes,
 * so both are validated by one validator. Lists are comma-separated: {@code --threshold
 * 0.6,0.65,0.7}.
 */
record ReplayArguments(ReplayRequest request, Path out) {

  static final String USAGE =
      """
      Usage: ./hivemind replay --from T1 --to T2 --out DIR [--users U,...] [--symbols S,...]
                               [--threshold 0.6,0.7] [--half-life 30d,60d] [--scheme v1]
                               [--join-horizon 24h] [--model pattern|challenger]
        T1, T2: 2026-11-01 or 2026-11-01T09:30:00Z (record time: when the cloud got the event)
        --model: whose confidence the thresholds decide on (default pattern, live's); both
        models are scored side by side either way.
        Writes DIR/report.json, DIR/report.html and DIR/decisions.csv.
      Walk-forward optimisation: ./hivemind replay walk-forward --help
      """;

  private static final List<String> OPTIONS =
      List.of(
          "--from",
          "--to",
          "--out",
          "--users",
          "--symbols",
          "--threshold",
          "--half-life",
          "--scheme",
          "--join-horizon",
          "--model");

  static ReplayArguments parse(String[] args) {
    List<Violation> violations = new ArrayList<>();
    Map<String, String> values = Options.read(args, OPTIONS, Map.of(), violations);
    if (!values.containsKey("--out")) {
      violations.add(new Violation("--out", "is required: the directory to write the report to"));
    }
    List<Double> thresholds = Options.numbers("--threshold", values.get("--threshold"), violations);
    if (!violations.isEmpty()) {
      throw new InvalidSettingsException(violations);
    }
    return new ReplayArguments(
        new ReplayRequest(
            values.get("--from"),
            values.get("--to"),
            Options.list(values.get("--users")),
            Options.list(values.get("--symbols")),
            thresholds,
            Options.list(values.get("--half-life")),
            Options.list(values.get("--scheme")),
            values.get("--join-horizon"),
            values.get("--model")),
        Path.of(values.get("--out")));
  }
}
