package io.hivemind.control.kafka;

/**
 * The control state cannot be known now: the view has not been read to its end, or a record in it
 * could not be read. Whoever asks must answer "not now" (503), never a default: a default would
 * read a halted fleet as active.
 */
public final class ControlStateUnknownException extends RuntimeException {

  public ControlStateUnknownException(String reason) {
    super(reason);
  }
}
