package io.hivemind.replay.settings;

/** One thing wrong with a replay's settings, named by the field (or CLI option) it is about. */
public record Violation(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
