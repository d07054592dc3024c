package io.hivemind.simulator.keys;

/** A service did not accept a freshly minted key in time; the message names it, never the key. */
public final class KeyNotAcceptedException extends RuntimeException {

  public KeyNotAcceptedException(String message) {
    super(message);
  }
}
