package io.hivemind.simulator.cli;

/** The command line asked for something that cannot run; the message says what and why. */
public final class UsageException extends Exception {

  public UsageException(String message) {
    super(message);
  }
}
