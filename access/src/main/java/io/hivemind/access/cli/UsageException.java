package io.hivemind.access.cli;

/** The command line is wrong: the tool says why and exits with 2. */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }
}
