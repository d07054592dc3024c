package io.hivemind.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options after the benchmark's name; each benchmark documents its own. */
public final class BenchOptions {

  private final Map<String, String> values;

  private BenchOptions(Map<String, String> values) {
    this.values = values;
  }

  public static BenchOptions parse(String[] args, int from) {
    Map<String, String> values = new HashMap<>();
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got: " + arg);
      }
      values.put(arg.substring(2), args[++i]);
    }
    return new BenchOptions(values);
  }

  public int integer(String name, int fallback) {
    String value = values.get(name);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }

  public String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** {@code 30s}, {@code 2m}, {@code 500ms}. */
  public Duration duration(String name, Duration fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (value.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
    }
    long amount = Long.parseLong(value.substring(0, value.length() - 1));
    return switch (value.charAt(value.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      default -> throw new IllegalArgumentException(name + ": expected 500ms, 30s or 2m: " + value);
    };
  }
}
