package io.hivemind.replay.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A replay as asked for, before validation: the JSON body of {@code POST /api/replay/simulate} and
 * what {@code ./hivemind replay}'s options are read into. Absent lists take the live settings.
 */
public record ReplayRequest(
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("users") List<String> users,
    @JsonProperty("symbols") List<String> symbols,
    @JsonProperty("thresholds") List<Double> thresholds,
    @JsonProperty("half_lives") List<String> halfLives,
    @JsonProperty("schemes") List<String> schemes,
    @JsonProperty("join_horizon") String joinHorizon) {}
