package io.hivemind.bench.backlog;

import io.hivemind.bench.BenchOptions;
import java.time.Duration;

/** Reads {@link BenchOptions} with a clear message naming the option when a value is wrong. */
public final class Options {

  private Options() {}

  /** An integer in {@code [min, max]}; underscores allowed ({@code 1_000_000}). */
  public static int integer(BenchOptions options, String name, int fallback, int min, int max) {
    int value;
    try {
      value = options.integer(name, fallback);
    } catch (NumberFormatException e) {
      throw new BadOption("--" + name + " must be a whole number, got: " + options.text(name, ""));
    }
    if (value < min || value > max) {
      throw new BadOption(
          "--" + name + " must be between " + min + " and " + max + ", got: " + value);
    }
    return value;
  }

  public static long longValue(BenchOptions options, String name, long fallback, long min) {
    String text = options.text(name, null);
    if (text == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new BadOption("--" + name + " must be a whole number, got: " + text);
    }
    if (value < min) {
      throw new BadOption("--" + name + " must be at least " + min + ", got: " + value);
    }
    return value;
  }

  public static Duration duration(BenchOptions options, String name, Duration fallback) {
    try {
      Duration value = options.duration(name, fallback);
      if (value.isNegative() || value.isZero()) {
        throw new BadOption("--" + name + " must be positive, got: " + options.text(name, ""));
      }
      return value;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new BadOption(
          "--" + name + " must look like 500ms, 30s or 2m, got: " + options.text(name, ""));
    } catch (IllegalArgumentException e) {
      if (e instanceof BadOption) {
        throw e;
      }
      throw new BadOption(e.getMessage());
    }
  }

  public static boolean flag(BenchOptions options, String name, boolean fallback) {
    String text = options.text(name, null);
    if (text == null) {
      return fallback;
    }
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new BadOption("--" + name + " must be true or false, got: " + text);
    };
  }

  /** One of {@code allowed}. */
  public static String choice(
      BenchOptions options, String name, String fallback, String... allowed) {
    String value = options.text(name, fallback);
    for (String candidate : allowed) {
      if (candidate.equals(value)) {
        return value;
      }
    }
    throw new BadOption(
        "--" + name + " must be one of " + String.join(", ", allowed) + ", got: " + value);
  }

  /** A wrong option value: the benchmark stops before touching the stack. */
  public static final class BadOption extends IllegalArgumentException {
    public BadOption(String message) {
      super(message);
    }
  }
}
