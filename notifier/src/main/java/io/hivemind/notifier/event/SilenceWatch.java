package io.hivemind.notifier.event;

import io.hivemind.schema.Heartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Crashed-bot detection (issue 17): a user's bot that sent no heartbeat for {@code silentAfter} is
 * told silent, to the user and to the fleet, once; its next heartbeat tells it recovered. A bot
 * that says it stopped ({@code status} STOPPED) is forgotten, not told silent. Checked every {@code
 * checkEvery} of wall-clock time against each bot's last heartbeat time, so a bot is told silent
 * between {@code silentAfter} and {@code silentAfter + checkEvery} after its last beat. Ids come
 * from the last beat's time, so a check repeated after a crash gives the same ids.
 */
final class SilenceWatch implements Processor<String, Heartbeat, String, Notification> {

  static final String STORE = "bot-beats";
  static final String STOPPED = "STOPPED";

  private final Duration silentAfter;
  private final Duration checkEvery;
  private ProcessorContext<String, Notification> context;
  private KeyValueStore<String, BotBeat> beats;

  SilenceWatch(Duration silentAfter, Duration checkEvery) {
    this.silentAfter = silentAfter;
    this.checkEvery = checkEvery;
  }

  @Override
  public void init(ProcessorContext<String, Notification> context) {
    this.context = context;
    this.beats = context.getStateStore(STORE);
    context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::check);
  }

  @Override
  public void process(Record<String, Heartbeat> record) {
    Heartbeat heartbeat = record.value();
    if (heartbeat == null) {
      return;
    }
    String user = heartbeat.getUserId();
    BotBeat before = beats.get(user);
    if (STOPPED.equals(heartbeat.getStatus())) {
      beats.delete(user);
      return;
    }
    long seen = record.timestamp();
    if (before != null && seen < before.lastSeenMillis()) {
      return; // an older beat, arrived late: the newer one stands
    }
    if (before != null && before.silent()) {
      for (Notification told :
          told(
              EventKind.BOT_RECOVERED, user, before.lastSeenMillis(), Instant.ofEpochMilli(seen))) {
        context.forward(record.withKey(user).withValue(told));
      }
    }
    beats.put(user, new BotBeat(seen, false));
  }

  private void check(long now) {
    List<KeyValue<String, BotBeat>> silenced = new ArrayList<>();
    try (KeyValueIterator<String, BotBeat> all = beats.all()) {
      while (all.hasNext()) {
        KeyValue<String, BotBeat> entry = all.next();
        BotBeat beat = entry.value;
        if (!beat.silent() && now - beat.lastSeenMillis() >= silentAfter.toMillis()) {
          silenced.add(entry);
        }
      }
    }
    for (KeyValue<String, BotBeat> entry : silenced) {
      beats.put(entry.key, entry.value.silenced());
      for (Notification told :
          told(
              EventKind.BOT_SILENT,
              entry.key,
              entry.value.lastSeenMillis(),
              Instant.ofEpochMilli(now))) {
        context.forward(new Record<>(entry.key, told, now));
      }
    }
  }

  private List<Notification> told(EventKind kind, String user, long lastSeen, Instant at) {
    String id = kind.wireName() + ":" + user + ":" + lastSeen;
    Instant last = Instant.ofEpochMilli(lastSeen);
    Map<String, Object> data =
        Map.of(
            "user_id", user,
            "last_heartbeat", last.toString(),
            "silent_after_seconds", silentAfter.toSeconds());
    String title =
        kind == EventKind.BOT_SILENT
            ? "Bot silent: no heartbeat for " + silentAfter.toSeconds() + " s"
            : "Bot back: heartbeats again";
    String text = "User " + user + ", last heartbeat before this " + last;
    return List.of(
        new Notification(id, kind, Audience.user(user), at, title, text, data),
        new Notification(id, kind, Audience.FLEET, at, title, text, data));
  }

  @Override
  public void close() {}
}
