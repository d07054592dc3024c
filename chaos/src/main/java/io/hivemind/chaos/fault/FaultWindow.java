package io.hivemind.chaos.fault;

import java.time.Instant;

/**
 * One fault as it happened.
 *
 * @param target what it hit, e.g. {@code kafka-2 (pid 4711)}
 * @param injected when it was injected
 * @param healed when the drill undid it (the restart returned, SIGCONT sent); null: never
 * @param ready when every service answered ready again afterwards; null: not within the bound
 * @param caughtUp when the learner had committed every input record written before {@link #healed};
 *     null: not within the bound
 * @param note what went wrong in the drill itself, or null
 */
public record FaultWindow(
    Fault fault,
    String target,
    Instant injected,
    Instant healed,
    Instant ready,
    Instant caughtUp,
    String note) {}
