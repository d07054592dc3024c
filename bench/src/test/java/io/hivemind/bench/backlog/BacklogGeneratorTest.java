package io.hivemind.bench.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BacklogGeneratorTest {

  private static final Instant END = Instant.parse("2026-11-20T00:00:00Z");

  private static BacklogSpec spec(long events, long seed) {
    return new BacklogSpec(events, 300, 20, seed, 0.01, 0.02, END, false);
  }

  private static List<BacklogGenerator.Event> all(BacklogGenerator generator) {
    List<BacklogGenerator.Event> events = new ArrayList<>();
    generator.forEachRemaining(events::add);
    return events;
  }

  @Test
  void theSameSeedGivesTheSameRecordsInTheSameOrder() {
    List<BacklogGenerator.Event> first = all(new BacklogGenerator(spec(20_000, 7)));
    List<BacklogGenerator.Event> second = all(new BacklogGenerator(spec(20_000, 7)));
    List<BacklogGenerator.Event> other = all(new BacklogGenerator(spec(20_000, 8)));
    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(other);
  }

  @Test
  void writesAboutTheAskedNumberOfRecordsWithRetriesAndEarlyOutcomes() {
    BacklogGenerator generator = new BacklogGenerator(spec(100_000, 1));
    List<BacklogGenerator.Event> events = all(generator);
    BacklogGenerator.Counts counts = generator.counts();

    assertThat((double) events.size())
        .isCloseTo(100_000, org.assertj.core.data.Percentage.withPercentage(0.5));
    assertThat(counts.records()).isEqualTo(events.size());
    double duplicates =
        (counts.duplicateSignals + counts.duplicateOutcomes) / (double) events.size();
    assertThat(duplicates).isBetween(0.007, 0.013);
    assertThat(counts.outcomesBeforeSignal / (double) counts.trades).isBetween(0.015, 0.025);
    assertThat(counts.signals - counts.duplicateSignals).isEqualTo(counts.trades);
    assertThat(counts.outcomes - counts.duplicateOutcomes).isEqualTo(counts.trades);
  }

  @Test
  void everyRecordIsKeyedByItsUserAndEveryOutcomeHasItsSignal() {
    List<BacklogGenerator.Event> events = all(new BacklogGenerator(spec(30_000, 3)));
    Set<String> signals = new HashSet<>();
    Set<String> outcomes = new HashSet<>();
    long outcomeFirst = 0;
    for (BacklogGenerator.Event event : events) {
      if (event.signal()) {
        Signal signal = (Signal) event.value();
        assertThat(signal.getUserId()).isEqualTo(event.userId()).hasSize(12);
        signals.add(signal.getUserId() + "/" + signal.getSignalId());
      } else {
        TradeOutcome outcome = (TradeOutcome) event.value();
        assertThat(outcome.getUserId()).isEqualTo(event.userId());
        String id = outcome.getUserId() + "/" + outcome.getSignalId();
        if (!signals.contains(id) && outcomes.add(id)) {
          outcomeFirst++;
        }
        outcomes.add(id);
      }
    }
    assertThat(outcomes).isEqualTo(signals);
    assertThat(outcomeFirst).isPositive();
  }

  @Test
  void featuresSpreadOverManyPatternsAndTheLastTwentyDays() {
    BacklogGenerator generator = new BacklogGenerator(spec(40_000, 5));
    Map<String, Integer> patterns = new HashMap<>();
    long earliest = Long.MAX_VALUE;
    for (BacklogGenerator.Event event : all(generator)) {
      if (event.signal()) {
        Signal signal = (Signal) event.value();
        String l2 = PatternScheme.v1().patterns(signal.getTimestamp(), signal.getFeatures()).get(2);
        patterns.merge(signal.getSymbol() + signal.getSide() + l2, 1, Integer::sum);
        earliest = Math.min(earliest, signal.getTimestamp().toEpochMilli());
        assertThat(signal.getTimestamp()).isBefore(END);
      }
    }
    assertThat(patterns).hasSizeGreaterThan(1_000);
    assertThat(END.toEpochMilli() - earliest).isGreaterThan(19L * 86_400_000);
  }

  @Test
  void badSpecsAreRefusedWithTheOptionsName() {
    assertThatThrownBy(() -> new BacklogSpec(1, 10, 20, 1, 0.01, 0.02, END, false))
        .hasMessageContaining("--events");
    assertThatThrownBy(() -> new BacklogSpec(100, 0, 20, 1, 0.01, 0.02, END, false))
        .hasMessageContaining("--users");
  }
}
