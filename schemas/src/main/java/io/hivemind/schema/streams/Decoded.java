package io.hivemind.schema.streams;

/** A record read from an input topic: a valid value, or poison bound for the dead-letter topic. */
sealed interface Decoded<T> {

  record Valid<T>(T value) implements Decoded<T> {}

  record Poison<T>(byte[] raw) implements Decoded<T> {}
}
