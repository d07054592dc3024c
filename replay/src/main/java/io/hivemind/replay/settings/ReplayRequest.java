package io.hivemind.replay.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A replay as asked for, before validation: the JSON body of {@code POST /api/replay/simulate} and
 * what {@code ./hivemind replay}'s options are read into. Absent lists take the live settings.
 *
 * @param model whose confidence the thresholds decide on: {@code pattern} (live's, the default) or
 *     {@code challenger}; both are scored side by side either way
 */
public record ReplayRequest(
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("users") List<String> users,
    @JsonProperty("symbols") List<String> symbols,
    @JsonProperty("thresholds") List<Double> thresholds,
    @JsonProperty("half_lives") List<String> halfLives,
    @JsonProperty("schemes") List<String> schemes,
    @JsonProperty("join_horizon") String joinHorizon,
    @JsonProperty("model") String model) {

  /** A request that leaves the model to its default, the pattern model. */
  public ReplayRequest(
      String from,
      String to,
      List<String> users,
      List<String> symbols,
      List<Double> thresholds,
      List<String> halfLives,
      List<String> schemes,
      String joinHorizon) {
    this(from, to, users, symbols, thresholds, halfLives, schemes, joinHorizon, null);
  }
}
