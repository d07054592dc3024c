package io.hivemind.replay.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A walk-forward optimisation as asked for, before validation: the JSON body of {@code POST
 * /api/replay/walk-forward} and what {@code ./hivemind replay walk-forward}'s options are read
 * into. Absent values take the defaults {@link WalkForwardValidator} names.
 */
public record WalkForwardRequest(
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("users") List<String> users,
    @JsonProperty("symbols") List<String> symbols,
    @JsonProperty("in_sample") String inSample,
    @JsonProperty("out_of_sample") String outOfSample,
    @JsonProperty("step") String step,
    @JsonProperty("windows") String windows,
    @JsonProperty("thresholds") List<Double> thresholds,
    @JsonProperty("half_lives") List<String> halfLives,
    @JsonProperty("schemes") List<String> schemes,
    @JsonProperty("models") List<String> models,
    @JsonProperty("objective") String objective,
    @JsonProperty("min_trades") Integer minTrades,
    @JsonProperty("join_horizon") String joinHorizon) {}
