package io.hivemind.cli;

/** A command that could not do what it was asked: its message is for the operator; exit 1. */
final class CliException extends RuntimeException {

  CliException(String message) {
    super(message);
  }
}
