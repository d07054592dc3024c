package io.hivemind.gateway.control;

import io.hivemind.access.domain.Role;
import io.hivemind.access.http.Caller;
import io.hivemind.access.http.RequiresRole;
import io.hivemind.botapi.TradingStatus;
import io.hivemind.control.domain.BotContext;
import io.hivemind.control.domain.BotRoster;
import io.hivemind.control.domain.LearningState;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingState;
import io.hivemind.control.kafka.ControlView;
import io.hivemind.gateway.control.ControlRequests.Command;
import io.hivemind.gateway.control.ControlRequests.Reader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operators' kill switch (the seed's maintenance, emergency and schedule endpoints, plus
 * per-scope trading and learning). Every command needs a reason and an admin key, replaces one
 * setting of one scope, and is audited with the key that issued it. Reads of the state a bot is
 * under are open to every key, each for its own user.
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

  private final ControlCommands commands;
  private final ControlView view;
  private final BotRoster roster;
  private final Caller caller;

  ControlResource(ControlCommands commands, ControlView view, BotRoster roster, Caller caller) {
    this.commands = commands;
    this.view = view;
    this.roster = roster;
    this.caller = caller;
  }

  // ------------------------------------------------------------------ maintenance mode

  @POST
  @Path("/maintenance/enable")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer enableMaintenance(Command request) {
    return scoped("maintenance.enable", request, new Setting.MaintenanceMode(true));
  }

  @POST
  @Path("/maintenance/disable")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer disableMaintenance(Command request) {
    return scoped("maintenance.disable", request, new Setting.MaintenanceMode(false));
  }

  /**
   * Whether trading is allowed: fleet-wide (for {@code tier} and {@code symbol} when given), or for
   * one bot when {@code user_id} is given (then with any force-close order it has not
   * acknowledged). A bot's key reads only its own user, in the key's tier; an admin key reads any
   * user, in the tier it names.
   */
  @GET
  @Path("/maintenance/status")
  public TradingStatus status(
      @QueryParam("user_id") String userId,
      @QueryParam("tier") String tier,
      @QueryParam("symbol") String symbol) {
    if (userId == null) {
      return TradingStatus.of(view.evaluate(BotContexts.of(null, tier, symbol)), null);
    }
    String user = caller.readableUser("user_id", userId);
    String userTier = user.equals(caller.userId()) ? caller.tier() : tier;
    BotContext bot = BotContexts.of(user, userTier, symbol);
    return TradingStatus.of(view.evaluate(bot), roster.forceCloseAckOf(user));
  }

  // ------------------------------------------------------------------ emergency controls

  /** Fleet-wide: no new entries, exits allowed (REDUCING). */
  @POST
  @Path("/emergency/pause_all")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer pauseAll(Command request) {
    return global("emergency.pause_all", request, new Setting.ManualTrading(TradingState.REDUCING));
  }

  @POST
  @Path("/emergency/resume_all")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer resumeAll(Command request) {
    return global("emergency.resume_all", request, new Setting.ManualTrading(TradingState.ACTIVE));
  }

  /** Tells every bot in the scope (the fleet unless named) to flatten its positions, once. */
  @POST
  @Path("/emergency/force_close")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer forceClose(Command request) {
    return scoped("emergency.force_close", request, new Setting.ForceClose());
  }

  /** Any scope's trading state: what {@code ./hivemind pause|resume|halt --scope} sends. */
  @POST
  @Path("/control/trading")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer trading(ControlRequests.Trading request) {
    Reader reader = new Reader();
    String reason = reader.reason(request == null ? null : request.reason());
    Scope scope = reader.scope(request == null ? null : request.scope());
    TradingState state = reader.tradingState(request == null ? null : request.state());
    reader.throwIfInvalid();
    String command = "trading." + state.name().toLowerCase(Locale.ROOT);
    return apply(command, scope, new Setting.ManualTrading(state), reason);
  }

  // ------------------------------------------------------------------ learning

  @POST
  @Path("/learning/pause")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer pauseLearning(Command request) {
    return global("learning.pause", request, new Setting.Learning(LearningState.PAUSED));
  }

  @POST
  @Path("/learning/resume")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer resumeLearning(Command request) {
    return global("learning.resume", request, new Setting.Learning(LearningState.RUNNING));
  }

  // ------------------------------------------------------------------ schedules

  @POST
  @Path("/schedule/set")
  @RequiresRole(Role.ADMIN)
  public CommandAnswer setSchedule(ControlRequests.Schedule request) {
    ControlRequests.Schedule body =
        request == null ? new ControlRequests.Schedule(null, null, null, null) : request;
    Reader reader = new Reader();
    String reason = reader.reason(body.reason());
    Scope scope = reader.scope(body.scope());
    Setting.Schedule schedule = reader.schedule(body);
    reader.throwIfInvalid();
    return apply("schedule.set", scope, schedule, reason);
  }

  /**
   * Every scope's schedule, or one scope's. A user's schedule is that user's business: a key that
   * is not admin sees its own user's and no other.
   */
  @GET
  @Path("/schedule/get")
  public Map<String, Object> getSchedule(@QueryParam("scope") String scope) {
    Reader reader = new Reader();
    Scope only = scope == null ? null : reader.scope(scope);
    reader.throwIfInvalid();
    if (only != null && only.kind() == Scope.Kind.USER) {
      caller.readableUser("scope", only.name());
    }
    List<Map<String, Object>> schedules =
        SettingJson.of(
            view.snapshot().entries().stream()
                .filter(entry -> entry.setting() instanceof Setting.Schedule)
                .filter(entry -> only == null || entry.scope().equals(only))
                .filter(entry -> isVisible(entry.scope()))
                .toList());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("schedules", schedules);
    answer.put("as_of", view.clock().instant().toString());
    return answer;
  }

  // ------------------------------------------------------------------ everything

  /**
   * Every setting of every scope, and the fleet-wide result: what {@code ./hivemind status} shows.
   */
  @GET
  @Path("/control/state")
  @RequiresRole(Role.ADMIN)
  public Map<String, Object> state() {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("fleet", TradingStatus.of(view.evaluate(BotContext.FLEET), null));
    answer.put("settings", SettingJson.of(view.snapshot().entries()));
    answer.put("as_of", view.clock().instant().toString());
    return answer;
  }

  private boolean isVisible(Scope scope) {
    return scope.kind() != Scope.Kind.USER
        || caller.isAdmin()
        || scope.name().equals(caller.userId());
  }

  // ------------------------------------------------------------------ the common path

  /** A fleet-wide command: a scope in the body does not narrow it. */
  private CommandAnswer global(String command, Command request, Setting setting) {
    Command fleetWide = new Command(request == null ? null : request.reason(), null);
    return scoped(command, fleetWide, setting);
  }

  /** A command on the body's scope, the fleet unless one is named. */
  private CommandAnswer scoped(String command, Command request, Setting setting) {
    Reader reader = new Reader();
    String reason = reader.reason(request == null ? null : request.reason());
    Scope scope = reader.scope(request == null ? null : request.scope());
    reader.throwIfInvalid();
    return apply(command, scope, setting, reason);
  }

  /** The audit log records the admin key that issued the command. */
  private CommandAnswer apply(String command, Scope scope, Setting setting, String reason) {
    return CommandAnswer.of(commands.apply(command, scope, setting, caller.actor(), reason));
  }
}
