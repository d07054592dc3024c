package io.hivemind.cli.bench;

import io.hivemind.bench.BenchmarkFailed;
import io.hivemind.bench.Stack;
import io.hivemind.cli.StackSettings;
import io.hivemind.replay.settings.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * One benchmark's command. Its options are checked into the benchmark's settings before anything
 * touches the stack: a value out of range, or one the benchmark refuses, is a usage error (exit 2)
 * naming the option. Then the benchmark runs; one that cannot measure (the stack is not up, a
 * service refused, {@link BenchmarkFailed}) exits 1 with the reason and no stack trace.
 *
 * @param <S> the benchmark's settings
 */
abstract class BenchmarkCommand<S> implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /**
   * The options as the benchmark's settings, checked.
   *
   * @throws ParameterException naming the option whose value is wrong
   * @throws IllegalArgumentException when the benchmark refuses the settings (also a usage error)
   */
  abstract S settings(Stack stack);

  abstract void run(Stack stack, S settings) throws Exception;

  @Override
  public Integer call() throws Exception {
    Stack stack = stack(StackSettings.of(spec));
    S settings;
    try {
      settings = settings(stack);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    try {
      run(stack, settings);
      return 0;
    } catch (BenchmarkFailed e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("bench " + spec.name() + ": " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /** The stack the CLI's settings describe, as the benchmarks take it. */
  static Stack stack(StackSettings settings) {
    return settings.stack();
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  int atLeast(String option, int value, int min) {
    if (value < min) {
      throw usage(option + " must be ≥ " + min + ", got " + value);
    }
    return value;
  }

  long atLeast(String option, long value, long min) {
    if (value < min) {
      throw usage(option + " must be ≥ " + min + ", got " + value);
    }
    return value;
  }

  Duration atLeast(String option, Duration value, Duration min) {
    if (value.compareTo(min) < 0) {
      throw usage(
          option + " must be ≥ " + Durations.format(min) + ", got " + Durations.format(value));
    }
    return value;
  }

  int between(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw usage(option + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  /** Every value of a comma-separated option at least {@code min}. */
  List<Integer> eachAtLeast(String option, List<Integer> values, int min) {
    values.forEach(value -> atLeast(option, value, min));
    return values;
  }

  String oneOf(String option, String value, String... allowed) {
    if (!List.of(allowed).contains(value)) {
      throw usage(option + " must be " + String.join(" or ", allowed) + ", got '" + value + "'");
    }
    return value;
  }
}
