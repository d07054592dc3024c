package io.hivemind.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.ValidationLimits;
import io.hivemind.simulator.fleet.FleetSettings;
import io.hivemind.simulator.fleet.SimulatedUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarketWorldTest {

  private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-09T00:00:00Z");

  private static List<Opportunity> first(Iterator<Opportunity> opportunities, int count) {
    List<Opportunity> taken = new ArrayList<>();
    while (opportunities.hasNext() && taken.size() < count) {
      taken.add(opportunities.next());
    }
    return taken;
  }

  private static List<Opportunity> all(long seed, int bots) {
    return first(
        new MarketWorld(FleetSettings.of(seed, bots, START, END)).opportunities(), 1 << 30);
  }

  @Test
  void shouldGiveTheSameOpportunitiesForTheSameSeed() {
    List<Opportunity> once =
        first(new MarketWorld(FleetSettings.of(42, 20, START, END)).opportunities(), 500);
    List<Opportunity> twice =
        first(new MarketWorld(FleetSettings.of(42, 20, START, END)).opportunities(), 500);
    assertThat(once).hasSize(500).isEqualTo(twice);
  }

  @Test
  void shouldGiveOtherOpportunitiesForAnotherSeed() {
    List<Opportunity> one =
        first(new MarketWorld(FleetSettings.of(42, 20, START, END)).opportunities(), 100);
    List<Opportunity> other =
        first(new MarketWorld(FleetSettings.of(43, 20, START, END)).opportunities(), 100);
    assertThat(one.stream().map(o -> o.signal().signalId()))
        .doesNotContainAnyElementsOf(other.stream().map(o -> o.signal().signalId()).toList());
    assertThat(one.stream().map(o -> o.signal().timestamp()).toList())
        .isNotEqualTo(other.stream().map(o -> o.signal().timestamp()).toList());
  }

  @Test
  void shouldComeInTimeOrderWithEveryEventInsideTheRange() {
    List<Opportunity> opportunities = all(42, 30);
    assertThat(opportunities).hasSizeGreaterThan(1000);
    Instant previous = START;
    for (Opportunity opportunity : opportunities) {
      Instant signal = opportunity.signalTime();
      Instant entry = Instant.parse(opportunity.outcome().entryTime());
      Instant exit = opportunity.exitTime();
      assertThat(signal).isAfterOrEqualTo(previous).isBeforeOrEqualTo(END);
      assertThat(entry).isEqualTo(signal);
      assertThat(exit)
          .isBetween(entry.plus(Duration.ofMinutes(3)), entry.plus(Duration.ofMinutes(60)));
      assertThat(exit).isBeforeOrEqualTo(END);
      previous = signal;
    }
  }

  @Test
  void shouldGiveOneUserTheSameOpportunitiesAsTheFleetGivesThem() {
    MarketWorld world = new MarketWorld(FleetSettings.of(42, 12, START, END));
    SimulatedUser user = world.fleet().users().get(5);
    List<Opportunity> theirs = first(world.opportunitiesOf(user), 1 << 30);
    List<Opportunity> fromFleet = world.stream().filter(o -> o.user().equals(user)).toList();
    assertThat(theirs).isNotEmpty().isEqualTo(fromFleet);
  }

  @Test
  void shouldDescribeTradesThatTheContractAccepts() {
    RequestValidator validator =
        new RequestValidator(Clock.fixed(END, ZoneOffset.UTC), ValidationLimits.defaults());
    for (Opportunity opportunity : all(42, 10)) {
      assertThat(validator.validate(opportunity.signal())).isEmpty();
      assertThat(validator.validate(opportunity.outcome())).isEmpty();
      assertThat(opportunity.signal().strategy()).isEqualTo("vwap_rsi");
      assertThat(opportunity.signal().features())
          .containsOnlyKeys("rsi", "vwap_z", "atr", "volume_ratio");
      assertThat(opportunity.outcome().signalId()).isEqualTo(opportunity.signal().signalId());
      assertThat(opportunity.outcome().contracts()).isBetween(1, 3);
      if (opportunity.wins()) {
        assertThat(opportunity.outcome().exitReason()).isEqualTo("TARGET");
        assertThat(opportunity.outcome().pnl()).isPositive();
      } else {
        assertThat(opportunity.outcome().exitReason()).isEqualTo("STOP");
        assertThat(opportunity.outcome().pnl()).isNegative();
      }
      assertThat(opportunity.pattern()).startsWith("v1/").contains("/rsi").contains("/vz");
    }
  }

  @Test
  void shouldWinAsOftenAsTheTruthSays() {
    List<Opportunity> opportunities = all(7, 60);
    double meanTruth =
        opportunities.stream().mapToDouble(Opportunity::trueWinProbability).average().orElseThrow();
    double realized =
        opportunities.stream().filter(Opportunity::wins).count() / (double) opportunities.size();
    double standardError = Math.sqrt(meanTruth * (1 - meanTruth) / opportunities.size());
    assertThat(opportunities).hasSizeGreaterThan(5000);
    assertThat(Math.abs(realized - meanTruth)).isLessThan(4 * standardError);
  }

  @Test
  void shouldFireAFewTimesPerSymbolAndTradingDay() {
    Set<String> marketSignals = new HashSet<>();
    for (Opportunity opportunity : all(42, 40)) {
      marketSignals.add(opportunity.signal().symbol() + opportunity.signal().timestamp());
    }
    double perSymbolAndTradingDay = marketSignals.size() / 6.0 / 5;
    assertThat(perSymbolAndTradingDay).isBetween(2.0, 15.0);
  }
}
