package io.hivemind.notifier.event;

import java.util.Arrays;
import java.util.Optional;

/** What a notification tells, by the name a subscription filters on and a receiver switches on. */
public enum EventKind {
  TRADE_CLOSED("trade.closed"),
  MILESTONE("milestone"),
  STREAK("streak"),
  DAILY_SUMMARY("summary.daily"),
  WEEKLY_SUMMARY("summary.weekly"),
  CONTROL_CHANGED("control.changed"),
  FORCE_CLOSE("control.force_close"),
  BOT_SILENT("bot.silent"),
  BOT_RECOVERED("bot.recovered"),
  LEARNING_PAUSED("learning.paused"),
  LEARNING_LAGGING("learning.lagging"),
  PING("ping");

  private final String wireName;

  EventKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventKind> fromWireName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
  }
}
