package io.hivemind.replay.log;

/** One record as it sits in the log: where, when (record time), and its raw key and value. */
public record LogEvent(
    Source source, int partition, long offset, long timestamp, String key, byte[] value) {}
