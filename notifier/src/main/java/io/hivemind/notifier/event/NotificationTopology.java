package io.hivemind.notifier.event;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.BadgeAward;
import io.hivemind.schema.ControlCommand;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns what happened into notifications (ADR 25): each closed trade (from {@code experiences}),
 * each badge (from {@code badges}) and each kill-switch command (from {@code audit}) becomes one
 * notification per audience on {@code notifications}, keyed by the audience. Stateless; run exactly
 * once, so an input is told once however often the application restarts (the delivery after it is
 * at least once, with the same ids).
 */
public final class NotificationTopology {

  /**
   * @param silentAfter how long without a heartbeat before a bot is told silent
   * @param silenceCheck how often (wall-clock) the bots' last heartbeats are checked
   * @param summaryGrace how long after a day or week ends its summary waits for late trades
   * @param summaryCheck how often (wall-clock) ended periods are looked for
   * @param minUsers k: the fleet's figure in a user's summary needs this many traders
   */
  public record Settings(
      Duration silentAfter,
      Duration silenceCheck,
      Duration summaryGrace,
      Duration summaryCheck,
      int minUsers) {}

  private final AvroSerdes serdes;
  private final Topics topics;
  private final Settings settings;

  public NotificationTopology(AvroSerdes serdes, Topics topics, Settings settings) {
    this.serdes = serdes;
    this.topics = topics;
    this.settings = settings;
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Experience> trades =
        builder.stream(
            topics.experiences,
            Consumed.with(Serdes.String(), serdes.valueSerde(Experience.class))
                .withName("experiences-source"));
    KStream<String, BadgeAward> badges =
        builder.stream(
            topics.badges,
            Consumed.with(Serdes.String(), serdes.valueSerde(BadgeAward.class))
                .withName("badges-source"));
    KStream<String, ControlCommand> commands =
        builder.stream(
            topics.audit,
            // the safety path's own framing, readable without the registry (ADR 10)
            Consumed.with(Serdes.String(), SelfDescribingSerdes.of(ControlCommand.class))
                .withName("audit-source"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SilenceWatch.STORE), Serdes.String(), BotBeat.serde()));
    KStream<String, Notification> silences =
        builder.stream(
                topics.heartbeats,
                Consumed.with(Serdes.String(), serdes.valueSerde(Heartbeat.class))
                    .withName("heartbeats-source"))
            .process(
                () -> new SilenceWatch(settings.silentAfter(), settings.silenceCheck()),
                Named.as("silence-watch"),
                SilenceWatch.STORE);

    Serde<Experience> experienceSerde = serdes.valueSerde(Experience.class);
    KStream<String, Experience> learned =
        trades.filter((user, trade) -> trade != null, Named.as("trades-present"));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(Streaks.STORE), Serdes.String(), Serdes.Long()));
    KStream<String, Notification> streaks =
        learned.process(Streaks::new, Named.as("streaks"), Streaks.STORE);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(Summaries.STORE), Serdes.String(), Tally.serde()));
    // the fleet's figure needs every trade: one partition sums them (a few records a second)
    KStream<String, Notification> summaries =
        learned
            .selectKey((user, trade) -> "fleet", Named.as("to-the-fleet"))
            .repartition(
                Repartitioned.with(Serdes.String(), experienceSerde)
                    .withName("summaries")
                    .withNumberOfPartitions(1))
            .process(
                () ->
                    new Summaries(
                        settings.summaryGrace(), settings.summaryCheck(), settings.minUsers()),
                Named.as("summaries-tally"),
                Summaries.STORE);

    learned
        .mapValues(Events::tradeClosed, Named.as("trade-closed"))
        .merge(
            badges
                .filter((user, award) -> award != null, Named.as("badges-present"))
                .mapValues(Events::badge, Named.as("milestone")),
            Named.as("user-events"))
        .merge(
            commands
                // the control plane's warm-up writes an aborted tombstone: never read, but skip
                .filter((scope, command) -> command != null, Named.as("commands-present"))
                .flatMapValues(Events::controlChanged, Named.as("control-changed")),
            Named.as("control-events"))
        .merge(silences, Named.as("with-silences"))
        .merge(streaks, Named.as("with-streaks"))
        .merge(summaries, Named.as("all-events"))
        .map(
            (key, notification) ->
                KeyValue.pair(notification.audience().key(), NotificationJson.toJson(notification)),
            Named.as("by-audience"))
        .to(
            topics.notifications,
            Produced.with(Serdes.String(), Serdes.ByteArray()).withName("notifications-sink"));
    return builder.build();
  }

  /** The topics it reads, for the Quarkus runtime to wait for. */
  public List<String> sources() {
    return List.of(topics.experiences, topics.badges, topics.audit, topics.heartbeats);
  }
}
