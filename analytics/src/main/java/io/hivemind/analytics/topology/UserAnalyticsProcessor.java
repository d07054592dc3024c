package io.hivemind.analytics.topology;

import io.hivemind.analytics.domain.Trade;
import io.hivemind.analytics.domain.TradeAnalytics;
import io.hivemind.analytics.domain.UserLedger;
import io.hivemind.schema.AnalyticsTally;
import io.hivemind.schema.Experience;
import io.hivemind.schema.UserPerformance;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link TradeAnalytics} for each experience in the task that owns the user (no repartition,
 * ADR 2): the ledger, badges and the user's own tallies in stores, badges earned and fleet
 * contributions forwarded.
 *
 * <p>An experience already counted (same user and signal id) is ignored. The learner writes each
 * experience once (exactly once), so a repeat only comes from a re-learn written into the same
 * topic (ADR 13) or a producer outside the learner; counting it again would double figures and
 * could not award a badge twice anyway (the ledger holds it).
 */
final class UserAnalyticsProcessor
    implements Processor<String, Experience, String, AnalyticsOutput> {

  private final TradeAnalytics analytics;
  private ProcessorContext<String, AnalyticsOutput> context;
  private KeyValueStore<String, Long> seen;
  private KeyValueStore<String, UserPerformance> ledgers;
  private KeyValueStore<String, AnalyticsTally> tallies;

  UserAnalyticsProcessor(TradeAnalytics analytics) {
    this.analytics = analytics;
  }

  @Override
  public void init(ProcessorContext<String, AnalyticsOutput> context) {
    this.context = context;
    seen = context.getStateStore(AnalyticsStores.EXPERIENCES_SEEN);
    ledgers = context.getStateStore(AnalyticsStores.USER_LEDGERS);
    tallies = context.getStateStore(AnalyticsStores.USER_TALLIES);
  }

  @Override
  public void process(Record<String, Experience> record) {
    Experience experience = record.value();
    if (experience == null) {
      return;
    }
    Trade trade = Trade.from(experience);
    String user = trade.userId();
    String seenKey = AnalyticsStores.userKey(user, trade.signalId());
    if (seen.get(seenKey) != null) {
      return;
    }
    seen.put(seenKey, trade.exitTime().toEpochMilli());
    TradeAnalytics.Change change =
        analytics.apply(
            trade,
            AnalyticsCodec.decode(ledgers.get(user)),
            key -> AnalyticsCodec.decode(tallies.get(AnalyticsStores.userKey(user, key))));
    UserPerformance stored = AnalyticsCodec.encode(change.ledger());
    ledgers.put(user, stored);
    change
        .userTallies()
        .forEach(
            (key, tally) ->
                tallies.put(AnalyticsStores.userKey(user, key), AnalyticsCodec.encode(tally)));
    change
        .earned()
        .forEach(
            award ->
                context.forward(
                    record
                        .withKey(user)
                        .withValue(new AnalyticsOutput.Earned(AnalyticsCodec.award(user, award)))));
    // encoded afresh, not UserPerformance.newBuilder(stored): the builder deep-copies through the
    // class's own Avro model, which under Quarkus' test class loaders finds a second copy of the
    // nested HeldBadge class (SpecificRecordDatumProvider)
    UserPerformance standing =
        change.ledger().privateUser()
            ? null
            : AnalyticsCodec.encode(
                new UserLedger(change.ledger().performance(), List.of(), false));
    context.forward(record.withKey(user).withValue(new AnalyticsOutput.Standing(standing)));
    for (TradeAnalytics.Contribution contribution : change.contributions()) {
      context.forward(
          record
              .withKey(contribution.bucketKey())
              .withValue(new AnalyticsOutput.Contributed(AnalyticsCodec.encode(contribution))));
    }
  }
}
