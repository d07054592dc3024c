package io.hivemind.gateway.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The answer to a control command: what was applied, replacing what. */
public record CommandAnswer(
    @JsonProperty("command_id") String commandId,
    @JsonProperty("command") String command,
    @JsonProperty("scope") String scope,
    @JsonProperty("actor") String actor,
    @JsonProperty("reason") String reason,
    @JsonProperty("issued_at") String issuedAt,
    @JsonProperty("before") Map<String, Object> before,
    @JsonProperty("after") Map<String, Object> after) {

  static CommandAnswer of(ControlCommands.Applied applied) {
    return new CommandAnswer(
        applied.after().provenance().commandId(),
        applied.command(),
        applied.after().scope().toString(),
        applied.actor(),
        applied.after().provenance().reason(),
        applied.after().provenance().at().toString(),
        applied.before().map(SettingJson::of).orElse(null),
        SettingJson.of(applied.after()));
  }
}
