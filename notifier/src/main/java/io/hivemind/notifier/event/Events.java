package io.hivemind.notifier.event;

import io.hivemind.schema.BadgeAward;
import io.hivemind.schema.ControlCommand;
import io.hivemind.schema.ControlForceClose;
import io.hivemind.schema.ControlLearning;
import io.hivemind.schema.ControlLearningState;
import io.hivemind.schema.ControlMaintenance;
import io.hivemind.schema.ControlSchedule;
import io.hivemind.schema.ControlTrading;
import io.hivemind.schema.Experience;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each input tells, as notifications. Each id is derived from what caused it, so the same
 * input always gives the same id (the receiver's idempotency key).
 */
public final class Events {

  private Events() {}

  /** A closed trade, told to its user. */
  public static Notification tradeClosed(Experience trade) {
    String pnl = money(trade.getPnl());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("signal_id", trade.getSignalId());
    data.put("symbol", trade.getSymbol());
    data.put("side", trade.getSide().name());
    data.put("pnl", trade.getPnl());
    data.put("win", trade.getWin());
    data.put("exit_reason", trade.getExitReason());
    data.put("entry_time", trade.getEntryTime().toString());
    data.put("exit_time", trade.getExitTime().toString());
    return new Notification(
        "trade.closed:" + trade.getSignalId(),
        EventKind.TRADE_CLOSED,
        Audience.user(trade.getUserId()),
        trade.getExitTime(),
        "Trade closed: "
            + trade.getSymbol()
            + " "
            + trade.getSide()
            + " "
            + pnl
            + (trade.getWin() ? " (win)" : " (loss)"),
        "Exit: " + trade.getExitReason(),
        data);
  }

  /** A badge earned, told to its user. */
  public static Notification badge(BadgeAward award) {
    return new Notification(
        "milestone:" + award.getUserId() + ":" + award.getBadge(),
        EventKind.MILESTONE,
        Audience.user(award.getUserId()),
        award.getEarnedAt(),
        "Badge earned: " + award.getBadge().replace('_', ' '),
        "Rule set " + award.getRuleSet(),
        Map.of("badge", award.getBadge(), "signal_id", award.getSignalId()));
  }

  /**
   * A kill-switch change, told to the fleet, and to the user too when it is scoped to one: a
   * force-close order, learning paused, or any other change of trading state, maintenance or
   * schedule.
   */
  public static List<Notification> controlChanged(ControlCommand command) {
    Object setting = command.getAfter().getSetting();
    EventKind kind = EventKind.CONTROL_CHANGED;
    String what;
    if (setting instanceof ControlForceClose) {
      kind = EventKind.FORCE_CLOSE;
      what = "force close ordered";
    } else if (setting instanceof ControlLearning learning) {
      kind =
          learning.getState() == ControlLearningState.PAUSED
              ? EventKind.LEARNING_PAUSED
              : EventKind.CONTROL_CHANGED;
      what = "learning " + learning.getState().name().toLowerCase(Locale.ROOT);
    } else if (setting instanceof ControlTrading trading) {
      what = "trading " + trading.getState().name();
    } else if (setting instanceof ControlMaintenance maintenance) {
      what = "maintenance " + (maintenance.getEnabled() ? "on" : "off");
    } else if (setting instanceof ControlSchedule) {
      what = "schedule changed";
    } else {
      what = command.getCommand();
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("command_id", command.getCommandId());
    data.put("command", command.getCommand());
    data.put("scope", command.getScope());
    data.put("actor", command.getActor());
    data.put("reason", command.getReason());
    String title = "Kill switch: " + what + " (" + command.getScope() + ")";
    String text = "Reason: " + command.getReason();
    List<Notification> told = new ArrayList<>();
    told.add(
        new Notification(
            kind.wireName() + ":" + command.getCommandId(),
            kind,
            Audience.FLEET,
            command.getIssuedAt(),
            title,
            text,
            data));
    if (command.getScope().startsWith("user:")) {
      told.add(
          new Notification(
              kind.wireName() + ":" + command.getCommandId(),
              kind,
              Audience.user(command.getScope().substring("user:".length())),
              command.getIssuedAt(),
              title,
              text,
              data));
    }
    return told;
  }

  static String money(double amount) {
    return (amount < 0 ? "-$" : "+$") + String.format(Locale.ROOT, "%,.2f", Math.abs(amount));
  }
}
