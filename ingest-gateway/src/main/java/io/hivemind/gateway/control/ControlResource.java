package io.hivemind.gateway.control;

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
import jakarta.ws.rs.HeaderParam;
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
 * per-scope trading and learning). Every command needs a reason and the admin token, replaces one
 * setting of one scope, and is audited. Reads of the state a bot is under are open to bots.
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

  private final ControlCommands commands;
  private final ControlView view;
  private final BotRoster roster;

  ControlResource(ControlCommands commands, ControlView view, BotRoster roster) {
    this.commands = commands;
    this.view = view;
    this.roster = roster;
  }

  // ------------------------------------------------------------------ maintenance mode

  @POST
  @Path("/maintenance/enable")
  @AdminOnly
  public CommandAnswer enableMaintenance(
      Command request, @HeaderParam(Operator.HEADER) String operator) {
    return scoped("maintenance.enable", request, operator, new Setting.MaintenanceMode(true));
  }

  @POST
  @Path("/maintenance/disable")
  @AdminOnly
  public CommandAnswer disableMaintenance(
      Command request, @HeaderParam(Operator.HEADER) String operator) {
    return scoped("maintenance.disable", request, operator, new Setting.MaintenanceMode(false));
  }

  /**
   * Whether trading is allowed: fleet-wide, or for one bot when {@code user_id} is given (then with
   * its tier and symbol, if given, and any force-close order it has not acknowledged).
   */
  @GET
  @Path("/maintenance/status")
  public TradingStatus status(
      @QueryParam("user_id") String userId,
      @QueryParam("tier") String tier,
      @QueryParam("symbol") String symbol) {
    BotContext bot = BotContexts.of(userId, tier, symbol);
    String acknowledged = userId == null ? null : roster.forceCloseAckOf(userId);
    return TradingStatus.of(view.evaluate(bot), acknowledged);
  }

  // ------------------------------------------------------------------ emergency controls

  /** Fleet-wide: no new entries, exits allowed (REDUCING). */
  @POST
  @Path("/emergency/pause_all")
  @AdminOnly
  public CommandAnswer pauseAll(Command request, @HeaderParam(Operator.HEADER) String operator) {
    return global(
        "emergency.pause_all", request, operator, new Setting.ManualTrading(TradingState.REDUCING));
  }

  @POST
  @Path("/emergency/resume_all")
  @AdminOnly
  public CommandAnswer resumeAll(Command request, @HeaderParam(Operator.HEADER) String operator) {
    return global(
        "emergency.resume_all", request, operator, new Setting.ManualTrading(TradingState.ACTIVE));
  }

  /** Tells every bot in the scope (the fleet unless named) to flatten its positions, once. */
  @POST
  @Path("/emergency/force_close")
  @AdminOnly
  public CommandAnswer forceClose(Command request, @HeaderParam(Operator.HEADER) String operator) {
    return scoped("emergency.force_close", request, operator, new Setting.ForceClose());
  }

  /** Any scope's trading state: what {@code ./hivemind pause|resume|halt --scope} sends. */
  @POST
  @Path("/control/trading")
  @AdminOnly
  public CommandAnswer trading(
      ControlRequests.Trading request, @HeaderParam(Operator.HEADER) String operator) {
    Reader reader = new Reader();
    String reason = reader.reason(request == null ? null : request.reason());
    Scope scope = reader.scope(request == null ? null : request.scope());
    TradingState state = reader.tradingState(request == null ? null : request.state());
    reader.throwIfInvalid();
    String command = "trading." + state.name().toLowerCase(Locale.ROOT);
    return apply(command, scope, new Setting.ManualTrading(state), operator, reason);
  }

  // ------------------------------------------------------------------ learning

  @POST
  @Path("/learning/pause")
  @AdminOnly
  public CommandAnswer pauseLearning(
      Command request, @HeaderParam(Operator.HEADER) String operator) {
    return global("learning.pause", request, operator, new Setting.Learning(LearningState.PAUSED));
  }

  @POST
  @Path("/learning/resume")
  @AdminOnly
  public CommandAnswer resumeLearning(
      Command request, @HeaderParam(Operator.HEADER) String operator) {
    return global(
        "learning.resume", request, operator, new Setting.Learning(LearningState.RUNNING));
  }

  // ------------------------------------------------------------------ schedules

  @POST
  @Path("/schedule/set")
  @AdminOnly
  public CommandAnswer setSchedule(
      ControlRequests.Schedule request, @HeaderParam(Operator.HEADER) String operator) {
    ControlRequests.Schedule body =
        request == null ? new ControlRequests.Schedule(null, null, null, null) : request;
    Reader reader = new Reader();
    String reason = reader.reason(body.reason());
    Scope scope = reader.scope(body.scope());
    Setting.Schedule schedule = reader.schedule(body);
    reader.throwIfInvalid();
    return apply("schedule.set", scope, schedule, operator, reason);
  }

  /** Every scope's schedule, or one scope's. */
  @GET
  @Path("/schedule/get")
  public Map<String, Object> getSchedule(@QueryParam("scope") String scope) {
    Reader reader = new Reader();
    Scope only = scope == null ? null : reader.scope(scope);
    reader.throwIfInvalid();
    List<Map<String, Object>> schedules =
        SettingJson.of(
            view.snapshot().entries().stream()
                .filter(entry -> entry.setting() instanceof Setting.Schedule)
                .filter(entry -> only == null || entry.scope().equals(only))
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
  @AdminOnly
  public Map<String, Object> state() {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("fleet", TradingStatus.of(view.evaluate(BotContext.FLEET), null));
    answer.put("settings", SettingJson.of(view.snapshot().entries()));
    answer.put("as_of", view.clock().instant().toString());
    return answer;
  }

  // ------------------------------------------------------------------ the common path

  /** A fleet-wide command: a scope in the body does not narrow it. */
  private CommandAnswer global(String command, Command request, String operator, Setting setting) {
    Command fleetWide = new Command(request == null ? null : request.reason(), null);
    return scoped(command, fleetWide, operator, setting);
  }

  /** A command on the body's scope, the fleet unless one is named. */
  private CommandAnswer scoped(String command, Command request, String operator, Setting setting) {
    Reader reader = new Reader();
    String reason = reader.reason(request == null ? null : request.reason());
    Scope scope = reader.scope(request == null ? null : request.scope());
    reader.throwIfInvalid();
    return apply(command, scope, setting, operator, reason);
  }

  private CommandAnswer apply(
      String command, Scope scope, Setting setting, String operator, String reason) {
    return CommandAnswer.of(
        commands.apply(command, scope, setting, Operator.actor(operator), reason));
  }
}
