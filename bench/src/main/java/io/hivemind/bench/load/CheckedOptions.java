package io.hivemind.bench.load;

import io.hivemind.bench.BenchOptions;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A benchmark's options, each checked as it is read: a bad value fails with a message naming the
 * option and what it takes, and {@link #rejectUnknown} refuses a name no read asked for (a typo
 * would otherwise run the benchmark with the default, silently).
 */
public final class CheckedOptions {

  private final BenchOptions options;
  private final String benchmark;
  private final Set<String> known = new LinkedHashSet<>();

  public CheckedOptions(BenchOptions options, String benchmark) {
    this.options = options;
    this.benchmark = benchmark;
  }

  /** A whole number of at least {@code min}. */
  public int integer(String name, int fallback, int min) {
    known.add(name);
    String given = options.text(name, null);
    try {
      int value = options.integer(name, fallback);
      if (value < min) {
        throw bad(name, "a whole number ≥ " + min, given);
      }
      return value;
    } catch (NumberFormatException e) {
      throw bad(name, "a whole number ≥ " + min, given);
    }
  }

  /** {@code 500ms}, {@code 30s} or {@code 2m}; at least {@code min}. */
  public Duration duration(String name, Duration fallback, Duration min) {
    known.add(name);
    String given = options.text(name, null);
    try {
      Duration value = options.duration(name, fallback);
      if (value.compareTo(min) < 0) {
        throw bad(name, "a duration ≥ " + min.toMillis() + "ms (500ms, 30s, 2m)", given);
      }
      return value;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw bad(name, "a duration like 500ms, 30s or 2m", given);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(benchmark + ":")) {
        throw e;
      }
      throw bad(name, "a duration like 500ms, 30s or 2m", given);
    }
  }

  /** One of {@code allowed}. */
  public String choice(String name, String fallback, String... allowed) {
    known.add(name);
    String given = options.text(name, fallback);
    if (!List.of(allowed).contains(given)) {
      throw bad(name, String.join(" or ", allowed), given);
    }
    return given;
  }

  /** Comma-separated positive numbers, e.g. {@code 500,2000,5000}. */
  public List<Double> rates(String name, String fallback) {
    known.add(name);
    String given = options.text(name, fallback);
    List<Double> rates = new ArrayList<>();
    try {
      for (String part : given.split(",")) {
        double rate = Double.parseDouble(part.trim().replace("_", ""));
        if (!(rate > 0) || Double.isInfinite(rate)) {
          throw bad(name, "comma-separated positive rates (500,2000,5000)", given);
        }
        rates.add(rate);
      }
    } catch (NumberFormatException e) {
      throw bad(name, "comma-separated positive rates (500,2000,5000)", given);
    }
    return rates;
  }

  /** Fails naming every option given that no read above asked for. */
  public void rejectUnknown() {
    Set<String> unknown = new TreeSet<>(givenNames());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          benchmark
              + ": unknown option"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown.stream().map(n -> "--" + n).toList())
              + "; it takes "
              + String.join(", ", known.stream().map(n -> "--" + n).toList()));
    }
  }

  /**
   * The names given. BenchOptions keeps them private and offers no accessor, so they are read
   * reflectively; if that ever fails the check is skipped rather than the benchmark refused.
   */
  @SuppressWarnings("unchecked")
  private Set<String> givenNames() {
    try {
      Field values = BenchOptions.class.getDeclaredField("values");
      values.setAccessible(true);
      return ((Map<String, String>) values.get(options)).keySet();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Set.of();
    }
  }

  private IllegalArgumentException bad(String name, String expected, String given) {
    return new IllegalArgumentException(
        benchmark + ": --" + name + " takes " + expected + ", got '" + given + "'");
  }
}
