package io.hivemind.simulator.cli;

/** The command line asked for something that cannot run; the message says what and why. */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }
}
