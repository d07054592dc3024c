package io.hivemind.replay.cli;

import io.hivemind.replay.settings.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the replay commands read their arguments: {@code --option value} pairs, lists
 * comma-separated, every problem collected and named by its option. Aliases read as the option they
 * stand for.
 */
final class Options {

  private Options() {}

  static Map<String, String> read(
      String[] args, List<String> known, Map<String, String> aliases, List<Violation> violations) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String option = aliases.getOrDefault(args[i], args[i]);
      if (!known.contains(option)) {
        violations.add(new Violation(args[i], "unknown option; options: " + known));
      } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        violations.add(new Violation(args[i], "needs a value"));
      } else {
        values.put(option, args[++i]);
      }
    }
    return values;
  }

  static List<String> list(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
  }

  static List<Double> numbers(String option, String value, List<Violation> violations) {
    List<Double> numbers = new ArrayList<>();
    for (String number : list(value)) {
      try {
        numbers.add(Double.parseDouble(number));
      } catch (NumberFormatException e) {
        violations.add(new Violation(option, "'" + number + "' is not a number"));
      }
    }
    return numbers;
  }
}
