package io.hivemind.bench;

/** One benchmark: measures a figure and, in the same run, the baseline it is read beside. */
public interface Benchmark {

  /** The name {@code ./hivemind bench <name>} selects it by. */
  String name();

  /** One line for {@code ./hivemind bench help}. */
  String description();

  /** Runs against the stack at {@code stack} and prints what it measured to standard output. */
  void run(Stack stack, BenchOptions options) throws Exception;
}
