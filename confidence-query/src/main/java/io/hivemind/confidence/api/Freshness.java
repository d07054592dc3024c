package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How current an answer is (ADR 17): {@code stale} false when the caught-up owner of the user's
 * statistics answered; true, with {@code lag_records}, when a copy that may be behind answered
 * because the owner was away (a standby within {@code hivemind.query.max-stale-lag}, or any copy
 * during a rebalance). {@code lag_records} counts the records the copy had not applied when last
 * measured; records its owner had not read yet are not in it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Freshness(
    @JsonProperty("stale") boolean stale, @JsonProperty("lag_records") Long lagRecords) {

  static final Freshness FRESH = new Freshness(false, null);

  static Freshness stale(long lagRecords) {
    return new Freshness(true, lagRecords);
  }

  /** An answer body that says how current it is. */
  interface Marked {
    Object withFreshness(Freshness freshness);
  }
}
