package io.hivemind.replay.cli;

import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
    Map<String, String> values = new HashMap<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (!OPTIONS.contains(option)) {
        violations.add(new Violation(option, "unknown option; options: " + OPTIONS));
      } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        violations.add(new Violation(option, "needs a value"));
      } else {
        values.put(option, args[++i]);
      }
    }
    if (!values.containsKey("--out")) {
      violations.add(new Violation("--out", "is required: the directory to write the report to"));
    }
    List<Double> thresholds = new ArrayList<>();
    for (String threshold : list(values.get("--threshold"))) {
      try {
        thresholds.add(Double.parseDouble(threshold));
      } catch (NumberFormatException e) {
        violations.add(new Violation("--threshold", "'" + threshold + "' is not a number"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidSettingsException(violations);
    }
    return new ReplayArguments(
        new ReplayRequest(
            values.get("--from"),
            values.get("--to"),
            list(values.get("--users")),
            list(values.get("--symbols")),
            thresholds,
            list(values.get("--half-life")),
            list(values.get("--scheme")),
            values.get("--join-horizon"),
            values.get("--model")),
        Path.of(values.get("--out")));
  }

  private static List<String> list(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
  }
}
