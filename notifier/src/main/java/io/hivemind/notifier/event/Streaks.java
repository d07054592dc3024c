package io.hivemind.notifier.event;

import io.hivemind.schema.Experience;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Winning streaks: a user's consecutive wins, in the order their trades were learned, told at 3, 5,
 * 10, 20 and 50 in a row; a loss starts again from zero.
 */
final class Streaks implements Processor<String, Experience, String, Notification> {

  static final String STORE = "win-streaks";
  static final Set<Long> TOLD_AT = Set.of(3L, 5L, 10L, 20L, 50L);

  private ProcessorContext<String, Notification> context;
  private KeyValueStore<String, Long> streaks;

  @Override
  public void init(ProcessorContext<String, Notification> context) {
    this.context = context;
    this.streaks = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, Experience> record) {
    Experience trade = record.value();
    if (trade == null) {
      return;
    }
    String user = trade.getUserId();
    if (!trade.getWin()) {
      streaks.delete(user);
      return;
    }
    Long before = streaks.get(user);
    long streak = (before == null ? 0 : before) + 1;
    streaks.put(user, streak);
    if (TOLD_AT.contains(streak)) {
      context.forward(
          record
              .withKey(user)
              .withValue(
                  new Notification(
                      "streak:" + user + ":" + streak + ":" + trade.getSignalId(),
                      EventKind.STREAK,
                      Audience.user(user),
                      trade.getExitTime(),
                      streak + " wins in a row",
                      "The latest: "
                          + trade.getSymbol()
                          + " "
                          + trade.getSide()
                          + " "
                          + Events.money(trade.getPnl()),
                      Map.of("streak", streak, "signal_id", trade.getSignalId()))));
    }
  }

  @Override
  public void close() {}
}
