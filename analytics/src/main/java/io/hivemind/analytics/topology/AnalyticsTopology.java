package io.hivemind.analytics.topology;

import io.hivemind.analytics.domain.BadgeRules;
import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.analytics.domain.KAnonymity;
import io.hivemind.analytics.domain.TradeAnalytics;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.schema.AnalyticsContribution;
import io.hivemind.schema.AnalyticsTally;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.BadgeAward;
import io.hivemind.schema.Experience;
import io.hivemind.schema.ExplicitlyNamed;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.ModelPrediction;
import io.hivemind.schema.RegimeChange;
import io.hivemind.schema.ReportedBar;
import io.hivemind.schema.Topics;
import io.hivemind.schema.UserPerformance;
import io.hivemind.schema.streams.DecodedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The analytics topology (issue 14), its own application beside the learner (ADR 19): experiences
 * (keyed by user) → per user, in the task that owns the user: dedup by signal id, performance,
 * badges ({@link BadgeRules}), the user's own hour/day/heatmap tallies → badges earned to {@code
 * <prefix>badges}, and contributions (private users' left out) repartitioned by bucket key into the
 * fleet's tallies with their distinct users; each public user's performance to {@code
 * <prefix>standings}, read back whole as a global store for the leaderboards. The query's
 * predictions (keyed by user) wait in the same task for the trade's experience, which scores every
 * model against the outcome ({@link ShadowScorer}). Heartbeats (keyed by user) → each user's latest
 * heartbeat, for the active bots. Both inputs are read as bytes and decoded inside the topology
 * ({@link DecodedSource}): a record that is not one, or not under its user's key ({@link
 * InputCheck}), goes to the dead-letter topic with its reason, and the rest carries on.
 *
 * <p>Meant to run with {@code processing.guarantee=exactly_once_v2}: the stores, the badge records
 * and the consumed offsets commit together, so a badge is written once even across a crash.
 */
public final class AnalyticsTopology {

  private final Topics topics;
  private final FleetBars.Rules barRules;
  private final TradeAnalytics analytics;
  private final Serde<Experience> experienceSerde;
  private final Serde<Heartbeat> heartbeatSerde;
  private final Serde<UserPerformance> performanceSerde;
  private final Serde<AnalyticsTally> tallySerde;
  private final Serde<AnalyticsContribution> contributionSerde;
  private final Serde<BadgeAward> awardSerde;
  private final Serde<ModelPrediction> predictionSerde;
  private final Serde<RegimeChange> regimeChangeSerde;
  private final RegimeClassifier classifier;

  public AnalyticsTopology(AvroSerdes serdes, Topics topics, BadgeRules rules) {
    this(serdes, topics, rules, FleetBars.Rules.defaults(KAnonymity.DEFAULT_K));
  }

  /** With how the fleet's bars are gathered into market regimes ({@code k} among them). */
  public AnalyticsTopology(
      AvroSerdes serdes, Topics topics, BadgeRules rules, FleetBars.Rules barRules) {
    this(serdes, topics, rules, barRules, RegimeClassifier.standard());
  }

  /** With the classifier that reads regimes from the fleet's bars. */
  public AnalyticsTopology(
      AvroSerdes serdes,
      Topics topics,
      BadgeRules rules,
      FleetBars.Rules barRules,
      RegimeClassifier classifier) {
    this.barRules = barRules;
    this.classifier = classifier;
    this.topics = topics;
    this.analytics = new TradeAnalytics(rules);
    experienceSerde = serdes.valueSerde(Experience.class);
    heartbeatSerde = serdes.valueSerde(Heartbeat.class);
    performanceSerde = serdes.valueSerde(UserPerformance.class);
    tallySerde = serdes.valueSerde(AnalyticsTally.class);
    contributionSerde = serdes.valueSerde(AnalyticsContribution.class);
    awardSerde = serdes.valueSerde(BadgeAward.class);
    predictionSerde = serdes.valueSerde(ModelPrediction.class);
    regimeChangeSerde = serdes.valueSerde(RegimeChange.class);
  }

  public Topology build() {
    StreamsBuilder builder = ExplicitlyNamed.streamsBuilder();
    addStores(builder);

    KStream<String, Experience> experiences =
        DecodedSource.stream(
            builder,
            topics.experiences,
            "analytics-experiences",
            experienceSerde.deserializer(),
            InputCheck::problem,
            topics.deadLetters);
    KStream<String, AnalyticsOutput> outputs =
        experiences.process(
            () -> new UserAnalyticsProcessor(analytics),
            Named.as("analytics-per-user"),
            AnalyticsStores.EXPERIENCES_SEEN,
            AnalyticsStores.USER_LEDGERS,
            AnalyticsStores.USER_TALLIES);

    // Shadow scoring (ADR 22): the query's predictions, keyed by user like the experiences, meet
    // the trade's experience in the same task; every model is scored against the outcome.
    DecodedSource.stream(
            builder,
            topics.predictions,
            "analytics-predictions",
            predictionSerde.deserializer(),
            InputCheck::problem,
            topics.deadLetters)
        .process(PredictionKeeper::new, Named.as("predictions-kept"), AnalyticsStores.PREDICTIONS);
    experiences.process(
        ShadowScorer::new,
        Named.as("shadow-scores"),
        AnalyticsStores.PREDICTIONS,
        AnalyticsStores.MODEL_SCORES);

    outputs
        .filter((key, value) -> value instanceof AnalyticsOutput.Earned, Named.as("badges-earned"))
        .mapValues(
            value -> ((AnalyticsOutput.Earned) value).award(), Named.as("badges-earned-value"))
        .to(topics.badges, Produced.with(Serdes.String(), awardSerde).withName("badges-sink"));

    // A Standing with a null performance is a tombstone: mapValues keeps the record, the null
    // value deletes the user's standing from the compacted topic and the global store.
    outputs
        .filter((key, value) -> value instanceof AnalyticsOutput.Standing, Named.as("standings"))
        .mapValues(
            value -> ((AnalyticsOutput.Standing) value).performance(), Named.as("standings-value"))
        .to(
            topics.standings,
            Produced.with(Serdes.String(), performanceSerde).withName("standings-sink"));
    builder.globalTable(
        topics.standings,
        Consumed.with(Serdes.String(), performanceSerde).withName("standings-source"),
        Materialized.<String, UserPerformance, KeyValueStore<Bytes, byte[]>>as(
                AnalyticsStores.STANDINGS)
            .withKeySerde(Serdes.String())
            .withValueSerde(performanceSerde));

    outputs
        .filter(
            (key, value) -> value instanceof AnalyticsOutput.Contributed,
            Named.as("fleet-contributions"))
        .mapValues(
            value -> ((AnalyticsOutput.Contributed) value).contribution(),
            Named.as("fleet-contributions-value"))
        .groupByKey(
            Grouped.with(AnalyticsStores.FLEET_CONTRIBUTIONS, Serdes.String(), contributionSerde))
        .aggregate(
            () -> null,
            (bucket, contribution, tally) -> AnalyticsCodec.plus(tally, contribution),
            Named.as("fleet-tallies-aggregate"),
            Materialized.<String, AnalyticsTally, KeyValueStore<Bytes, byte[]>>as(
                    AnalyticsStores.FLEET_TALLIES)
                .withKeySerde(Serdes.String())
                .withValueSerde(tallySerde));

    KStream<String, Heartbeat> heartbeats =
        DecodedSource.stream(
            builder,
            topics.heartbeats,
            "analytics-heartbeats",
            heartbeatSerde.deserializer(),
            InputCheck::problem,
            topics.deadLetters);
    heartbeats.process(
        HeartbeatProcessor::new, Named.as("last-heartbeats"), AnalyticsStores.LAST_HEARTBEATS);

    // Market regimes (ADR 21): each heartbeat's bars, one record per symbol, to the task that owns
    // the symbol, where the fleet's reports meet; each change of a symbol's regime to the regimes
    // topic, where the challenger's trainer and the query read it (ADR 22).
    heartbeats
        .flatMap(AnalyticsTopology::barsBySymbol, Named.as("regime-bars-by-symbol"))
        .repartition(
            Repartitioned.with(Serdes.String(), heartbeatSerde)
                .withName(AnalyticsStores.REGIME_BARS))
        .process(
            () -> new RegimeProcessor(barRules, classifier),
            Named.as("market-regimes"),
            AnalyticsStores.REGIME_BOOKS,
            AnalyticsStores.REGIMES_PUBLISHED)
        .to(
            topics.regimes,
            Produced.with(Serdes.String(), regimeChangeSerde).withName("regime-changes-sink"));
    return builder.build();
  }

  /**
   * The heartbeat once per symbol it has bars of, with only that symbol's bars, keyed by it. Built
   * field by field: {@code newBuilder(heartbeat)} deep-copies through Avro's reflection, which
   * fails on a nested record where the application's classes and Avro's are loaded apart (Quarkus
   * tests).
   */
  static List<KeyValue<String, Heartbeat>> barsBySymbol(String userId, Heartbeat heartbeat) {
    Map<String, List<ReportedBar>> bySymbol = new TreeMap<>();
    for (ReportedBar bar : heartbeat.getBars()) {
      bySymbol.computeIfAbsent(bar.getSymbol(), s -> new ArrayList<>()).add(bar);
    }
    List<KeyValue<String, Heartbeat>> out = new ArrayList<>();
    bySymbol.forEach(
        (symbol, bars) ->
            out.add(
                KeyValue.pair(
                    symbol,
                    Heartbeat.newBuilder()
                        .setUserId(heartbeat.getUserId())
                        .setBotVersion(heartbeat.getBotVersion())
                        .setStatus(heartbeat.getStatus())
                        .setOpenPositions(heartbeat.getOpenPositions())
                        .setSymbols(heartbeat.getSymbols())
                        .setForceCloseAck(heartbeat.getForceCloseAck())
                        .setTimestamp(heartbeat.getTimestamp())
                        .setBars(bars)
                        .build())));
    return out;
  }

  private void addStores(StreamsBuilder builder) {
    addStore(builder, AnalyticsStores.REGIMES_PUBLISHED, Serdes.String());
    addStore(builder, AnalyticsStores.PREDICTIONS, predictionSerde);
    addStore(builder, AnalyticsStores.MODEL_SCORES, new ScoreTotalsSerde());
    addStore(builder, AnalyticsStores.REGIME_BOOKS, new FleetBarsSerde());
    addStore(builder, AnalyticsStores.EXPERIENCES_SEEN, Serdes.Long());
    addStore(builder, AnalyticsStores.USER_LEDGERS, performanceSerde);
    addStore(builder, AnalyticsStores.USER_TALLIES, tallySerde);
    addStore(builder, AnalyticsStores.LAST_HEARTBEATS, Serdes.Long());
  }

  /** A persistent key-value store keyed by string (changelogged: exactly once with the app). */
  private static <V> void addStore(StreamsBuilder builder, String name, Serde<V> values) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values));
  }
}
