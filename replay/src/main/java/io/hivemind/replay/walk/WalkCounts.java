package io.hivemind.replay.walk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the walk met on its way, for the report's honesty: nothing is dropped silently. */
public record WalkCounts(
    @JsonProperty("records") long records,
    @JsonProperty("signals") long signals,
    @JsonProperty("outcomes") long outcomes,
    @JsonProperty("unreadable_records") long unreadable,
    @JsonProperty("retried_signals") long retriedSignals,
    @JsonProperty("signals_after_their_outcome_was_learned") long lateSignals,
    @JsonProperty("signals_reported") long signalsReported,
    // outcomes live dead-letters: their user had the most outcomes waiting for signals already
    @JsonProperty("outcomes_over_waiting_cap") long outcomesOverWaitingCap) {}
