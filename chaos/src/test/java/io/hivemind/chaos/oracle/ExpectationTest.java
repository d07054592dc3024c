package io.hivemind.chaos.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.chaos.oracle.LogSnapshot.CommunityKey;
import io.hivemind.chaos.oracle.LogSnapshot.Counts;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedOutcome;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedSignal;
import io.hivemind.chaos.oracle.LogSnapshot.UserKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectationTest {

  static final Instant DAY1 = Instant.parse("2026-11-30T15:00:00Z");
  static final Instant DAY2 = Instant.parse("2026-12-01T15:00:00Z");

  static LoggedOutcome outcome(String user, String id, double pnl, Instant exit, boolean priv) {
    return new LoggedOutcome(user, id, "ES", "LONG", pnl, exit, priv);
  }

  static LogSnapshot log(List<LoggedSignal> signals, List<LoggedOutcome> outcomes) {
    return new LogSnapshot(signals, outcomes, List.of(), Map.of(), Map.of());
  }

  @Test
  void shouldCountTheFirstOutcomeOfEachSignalOnceAndLeaveLoneOutcomesWaiting() {
    LogSnapshot log =
        log(
            List.of(
                new LoggedSignal("u1", "a"),
                new LoggedSignal("u1", "b"),
                new LoggedSignal("u1", "a")),
            List.of(
                outcome("u1", "a", 10, DAY1, false),
                outcome("u1", "a", -99, DAY1, false), // a retried copy: the first one counts
                outcome("u1", "b", -5, DAY1, false),
                outcome("u1", "c", 7, DAY1, false))); // no signal: waits

    Expectation expected = Expectation.of(log, 25);

    assertThat(expected.userLevel0())
        .containsExactly(Map.entry(new UserKey("u1", "ES", "LONG"), new Counts(2, 1)));
    assertThat(expected.communityLevel0())
        .containsExactly(Map.entry(new CommunityKey("ES", "LONG"), new Counts(2, 1)));
    assertThat(expected.waitingOutcomes()).isEqualTo(1);
    assertThat(expected.duplicateOutcomes()).isEqualTo(1);
    assertThat(expected.trades())
        .containsExactlyInAnyOrder(Expectation.tradeId("u1", "a"), Expectation.tradeId("u1", "b"));
  }

  @Test
  void shouldKeepPrivateUsersOutOfTheCommunity() {
    LogSnapshot log =
        log(
            List.of(new LoggedSignal("p", "a"), new LoggedSignal("q", "a")),
            List.of(outcome("p", "a", 1, DAY1, true), outcome("q", "a", 1, DAY1, false)));

    Expectation expected = Expectation.of(log, 25);

    assertThat(expected.userLevel0()).hasSize(2);
    assertThat(expected.communityLevel0().get(new CommunityKey("ES", "LONG")))
        .isEqualTo(new Counts(1, 1));
  }

  @Test
  void shouldCountALateTradeAgainstTheDayKeptAsAdr13Says() {
    List<LoggedSignal> signals = new ArrayList<>();
    List<LoggedOutcome> outcomes = new ArrayList<>();
    // day 2 first (an earlier run), then three trades of day 1: they count against day 2's budget
    signals.add(new LoggedSignal("u1", "d2"));
    outcomes.add(outcome("u1", "d2", 1, DAY2, false));
    for (int i = 0; i < 3; i++) {
      signals.add(new LoggedSignal("u1", "d1-" + i));
      outcomes.add(outcome("u1", "d1-" + i, -1, DAY1, false));
    }

    Expectation expected = Expectation.of(log(signals, outcomes), 2);

    assertThat(expected.userLevel0().get(new UserKey("u1", "ES", "LONG")))
        .isEqualTo(new Counts(4, 1));
    assertThat(expected.communityLevel0().get(new CommunityKey("ES", "LONG")))
        .isEqualTo(new Counts(2, 1));
  }

  @Test
  void shouldCountAtMostTheCapPerUserAndDayInTheCommunityAndMarkTheKey() {
    List<LoggedSignal> signals = new ArrayList<>();
    List<LoggedOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      signals.add(new LoggedSignal("u1", "d1-" + i));
      outcomes.add(outcome("u1", "d1-" + i, 1, DAY1, false));
    }
    signals.add(new LoggedSignal("u1", "d2"));
    outcomes.add(outcome("u1", "d2", 1, DAY2, false));

    Expectation expected = Expectation.of(log(signals, outcomes), 3);

    assertThat(expected.userLevel0().get(new UserKey("u1", "ES", "LONG")).trades()).isEqualTo(5);
    assertThat(expected.communityLevel0().get(new CommunityKey("ES", "LONG")).trades())
        .isEqualTo(4);
    assertThat(expected.capReached()).containsExactly(new CommunityKey("ES", "LONG"));
  }
}
