package io.hivemind.gateway.kafka;

/** Where the broker put a record once it acknowledged it. */
public record Published(String topic, int partition, long offset) {}
