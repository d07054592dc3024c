package io.hivemind.cli;

/** A command that could not do what it was asked: its message is for the operator; exit 1. */
public final class CliException extends RuntimeException {

  public CliException(String message) {
    super(message);
  }
}
