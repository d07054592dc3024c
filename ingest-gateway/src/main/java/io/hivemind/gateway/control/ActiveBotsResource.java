package io.hivemind.gateway.control;

import io.hivemind.access.domain.Role;
import io.hivemind.access.http.RequiresRole;
import io.hivemind.control.domain.BotContext;
import io.hivemind.control.domain.BotHeartbeat;
import io.hivemind.control.domain.BotRoster;
import io.hivemind.control.domain.ForceCloseNotice;
import io.hivemind.control.kafka.ControlView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which bots are online (a heartbeat within the active window) and, while a force-close order is in
 * force, which of them have acknowledged it and which have not.
 */
@Path("/api/bots/active")
@Produces(MediaType.APPLICATION_JSON)
public class ActiveBotsResource {

  private final BotRoster roster;
  private final ControlView view;
  private final Duration window;

  ActiveBotsResource(BotRoster roster, ControlView view, ControlConfig config) {
    this.roster = roster;
    this.view = view;
    this.window = config.activeWindow();
  }

  @GET
  @RequiresRole(Role.ADMIN)
  public Map<String, Object> active() {
    Instant now = view.clock().instant();
    List<Map<String, Object>> bots = new ArrayList<>();
    List<String> acknowledged = new ArrayList<>();
    List<String> notAcknowledged = new ArrayList<>();
    for (BotHeartbeat heartbeat : roster.activeAt(now, window)) {
      Optional<ForceCloseNotice> order =
          view.evaluate(new BotContext(heartbeat.userId(), null, null)).forceClose();
      Map<String, Object> bot = new LinkedHashMap<>();
      bot.put("user_id", heartbeat.userId());
      bot.put("bot_version", heartbeat.botVersion());
      bot.put("status", heartbeat.status());
      bot.put("open_positions", heartbeat.openPositions());
      bot.put("symbols", heartbeat.symbols());
      bot.put("last_heartbeat", heartbeat.at().toString());
      bot.put("force_close_ack", heartbeat.forceCloseAck());
      if (order.isPresent()) {
        boolean done = order.get().acknowledgedBy(heartbeat.forceCloseAck());
        bot.put("force_close_pending", done ? null : order.get().commandId());
        (done ? acknowledged : notAcknowledged).add(heartbeat.userId());
      }
      bots.add(bot);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("as_of", now.toString());
    answer.put("window_seconds", window.toSeconds());
    answer.put("count", bots.size());
    answer.put("bots", bots);
    answer.put("force_close_acknowledged", acknowledged);
    answer.put("force_close_not_acknowledged", notAcknowledged);
    return answer;
  }
}
