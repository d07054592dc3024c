package io.hivemind.gateway.control;

import io.hivemind.access.domain.Role;
import io.hivemind.access.http.RequiresRole;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Violation;
import io.hivemind.control.domain.AuditRecord;
import io.hivemind.control.kafka.AuditTrail;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every control command, newest first: who, why, when, and the setting before and after. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final int MAX_LIMIT = 10_000;

  private final AuditTrail trail;

  AuditResource(AuditTrail trail) {
    this.trail = trail;
  }

  @GET
  @RequiresRole(Role.ADMIN)
  public Map<String, Object> audit(@QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException(
          List.of(new Violation("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    List<Map<String, Object>> commands =
        trail.latest(limit).stream().map(AuditResource::json).toList();
    return Map.of("commands", commands, "count", commands.size());
  }

  private static Map<String, Object> json(AuditRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command_id", record.commandId());
    json.put("command", record.command());
    json.put("scope", record.scope().toString());
    json.put("actor", record.actor());
    json.put("reason", record.reason());
    json.put("issued_at", record.issuedAt().toString());
    json.put("before", record.before().map(SettingJson::of).orElse(null));
    json.put("after", SettingJson.of(record.after()));
    return json;
  }
}
