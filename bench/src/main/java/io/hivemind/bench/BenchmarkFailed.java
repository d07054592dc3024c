package io.hivemind.bench;

/**
 * A benchmark could not measure what it was asked to, for a reason its message gives the operator
 * (the stack is not up, a service refused, the settings cannot produce the run): {@code ./hivemind
 * bench} prints the message, without a stack trace, and exits 1.
 */
public class BenchmarkFailed extends RuntimeException {

  public BenchmarkFailed(String message) {
    super(message);
  }
}
