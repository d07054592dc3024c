package io.hivemind.analytics.topology;

import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.ReportedBar;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per symbol (the record's key, after the repartition by symbol): adds the user's bars to the
 * symbol's {@link FleetBars} and settles the minutes that are quiet by the record's time (the
 * gateway's broker-corrected clock, ADR 16), which feeds the symbol's regime classifier.
 */
final class RegimeProcessor implements Processor<String, Heartbeat, Void, Void> {

  private final FleetBars.Rules rules;
  private final RegimeClassifier classifier;
  private KeyValueStore<String, FleetBars> books;

  RegimeProcessor(FleetBars.Rules rules, RegimeClassifier classifier) {
    this.rules = rules;
    this.classifier = classifier;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    books = context.getStateStore(AnalyticsStores.REGIME_BOOKS);
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
  }
}
