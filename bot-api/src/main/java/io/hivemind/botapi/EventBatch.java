package io.hivemind.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /api/events}: what a bot buffered while offline, sent in one request. */
public record EventBatch(
    @JsonProperty("signals") List<SignalRequest> signals,
    @JsonProperty("outcomes") List<OutcomeRequest> outcomes) {

  public List<SignalRequest> signalsOrEmpty() {
    return signals == null ? List.of() : signals;
  }

  public List<OutcomeRequest> outcomesOrEmpty() {
    return outcomes == null ? List.of() : outcomes;
  }

  public int size() {
    return signalsOrEmpty().size() + outcomesOrEmpty().size();
  }
}
