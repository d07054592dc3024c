package io.hivemind.analytics.topology;

import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.learning.regime.RegimeReading;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.RegimeChange;
import io.hivemind.schema.ReportedBar;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per symbol (the record's key, after the repartition by symbol): adds the user's bars to the
 * symbol's {@link FleetBars} and settles the minutes that are quiet by the record's time (the
 * gateway's broker-corrected clock, ADR 16), which feeds the symbol's regime classifier. When the
 * classified regime changes (or is first known), forwards a {@link RegimeChange}.
 */
final class RegimeProcessor implements Processor<String, Heartbeat, String, RegimeChange> {

  private final FleetBars.Rules rules;
  private final RegimeClassifier classifier;
  private KeyValueStore<String, FleetBars> books;
  private KeyValueStore<String, String> published;
  private ProcessorContext<String, RegimeChange> context;

  RegimeProcessor(FleetBars.Rules rules, RegimeClassifier classifier) {
    this.rules = rules;
    this.classifier = classifier;
  }

  @Override
  public void init(ProcessorContext<String, RegimeChange> context) {
    this.context = context;
    books = context.getStateStore(AnalyticsStores.REGIME_BOOKS);
    published = context.getStateStore(AnalyticsStores.REGIMES_PUBLISHED);
  }

  @Override
  public void process(Record<String, Heartbeat> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(record.timestamp());
    FleetBars book = books.get(record.key());
    FleetBars next = book == null ? FleetBars.empty() : book;
    for (ReportedBar bar : record.value().getBars()) {
      if (bar.getSymbol().equals(record.key())) {
        next =
            next.report(
                record.value().getUserId(),
                bar.getMinute(),
                bar.getClose(),
                bar.getVolume(),
                now,
                rules);
      }
    }
    next = next.settle(now, rules, classifier);
    books.put(record.key(), next);
    // Compared with the last regime published, not the last reading: a part of the day still
    // warming up in between says nothing new about the regime.
    if (classifier.read(next.regime()) instanceof RegimeReading.Classified after
        && !after.regime().label().equals(published.get(record.key()))) {
      published.put(record.key(), after.regime().label());
      context.forward(
          new Record<>(
              record.key(),
              new RegimeChange(record.key(), after.regime().label(), after.since(), now),
              record.timestamp()));
    }
  }
}
