package io.hivemind.chaos.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.chaos.observe.Acknowledged.TradeId;
import io.hivemind.chaos.observe.Answer;
import io.hivemind.chaos.oracle.Invariants.Check;
import io.hivemind.chaos.oracle.Invariants.Halt;
import io.hivemind.chaos.oracle.LogSnapshot.CommunityKey;
import io.hivemind.chaos.oracle.LogSnapshot.Counts;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedExperience;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedOutcome;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedSignal;
import io.hivemind.chaos.oracle.LogSnapshot.UserKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvariantsTest {

  static final Instant EXIT = Instant.parse("2026-12-01T15:00:00Z");
  static final UserKey U1 = new UserKey("u1", "ES", "LONG");
  static final CommunityKey ES = new CommunityKey("ES", "LONG");
  static final Halt HALT = new Halt("h", 1_000, 9_000);

  static LogSnapshot learned(Counts user, Counts community, List<LoggedExperience> experiences) {
    return new LogSnapshot(
        List.of(new LoggedSignal("u1", "a"), new LoggedSignal("u1", "b")),
        List.of(
            new LoggedOutcome("u1", "a", "ES", "LONG", 5, EXIT, false),
            new LoggedOutcome("u1", "b", "ES", "LONG", -5, EXIT, false)),
        experiences,
        Map.of(U1, user),
        Map.of(ES, community));
  }

  static final List<LoggedExperience> ONCE =
      List.of(new LoggedExperience("u1", "a", true), new LoggedExperience("u1", "b", true));

  static Answer answer(String user, long sent, int status, String state, Boolean take) {
    return new Answer(
        user,
        "POST /api/signals",
        sent,
        sent + 5,
        status,
        status == 503,
        status == 503,
        state,
        take);
  }

  static List<Check> check(LogSnapshot log, Set<TradeId> ackedOutcomes, List<Answer> answers) {
    return Invariants.check(log, Expectation.of(log, 25), Set.of(), ackedOutcomes, answers, HALT);
  }

  static Check named(List<Check> checks, String prefix) {
    return checks.stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
  }

  static final List<Answer> HALTED_ANSWERS =
      List.of(answer("h", 2_000, 202, "HALTED", null), answer("u1", 2_000, 202, "ACTIVE", null));

  @Test
  void shouldHoldWhenTheStatisticsEqualTheLogAndEveryAnswerBehaved() {
    List<Check> checks =
        check(
            learned(new Counts(2, 1), new Counts(2, 1), ONCE),
            Set.of(new TradeId("u1", "a")),
            HALTED_ANSWERS);

    assertThat(checks).allMatch(Check::held);
  }

  @Test
  void shouldBreakWhenATradeIsCountedTwice() {
    List<LoggedExperience> twice =
        List.of(
            new LoggedExperience("u1", "a", true),
            new LoggedExperience("u1", "a", true),
            new LoggedExperience("u1", "b", true));
    List<Check> checks =
        check(learned(new Counts(3, 2), new Counts(3, 2), twice), Set.of(), HALTED_ANSWERS);

    assertThat(named(checks, "user statistics").held()).isFalse();
    assertThat(named(checks, "user statistics").detail())
        .contains("log 2 trades/1 wins, learned 3/2");
    assertThat(named(checks, "community statistics").held()).isFalse();
    assertThat(named(checks, "every trade learned exactly once").detail())
        .contains("u1/a learned 2 times");
  }

  @Test
  void shouldBreakWhenAnAcknowledgedOutcomeIsNotOnTheLog() {
    List<Check> checks =
        check(
            learned(new Counts(2, 1), new Counts(2, 1), ONCE),
            Set.of(new TradeId("u1", "lost")),
            HALTED_ANSWERS);

    assertThat(named(checks, "acknowledged outcomes").held()).isFalse();
    assertThat(named(checks, "acknowledged outcomes").detail()).contains("u1/lost");
  }

  @Test
  void shouldBreakWhenTheHaltedUserIsAnsweredActiveWithinTheHalt() {
    List<Answer> answers =
        List.of(
            answer("h", 500, 202, "ACTIVE", null), // before the halt: not judged
            answer("h", 2_000, 202, "HALTED", null),
            answer("h", 3_000, 200, "ACTIVE", true));

    Check halt =
        named(
            check(learned(new Counts(2, 1), new Counts(2, 1), ONCE), Set.of(), answers), "a halt");

    assertThat(halt.held()).isFalse();
    assertThat(halt.detail()).startsWith("1 of 2 answers");
  }

  @Test
  void shouldNotCallAHaltKeptWhenNoAnswerWasJudged() {
    Check halt =
        named(
            check(learned(new Counts(2, 1), new Counts(2, 1), ONCE), Set.of(), List.of()),
            "a halt");

    assertThat(halt.held()).isFalse();
  }

  @Test
  void shouldBreakOnABare500AndOnA503WithoutRetryAfter() {
    List<Answer> answers =
        List.of(
            answer("h", 2_000, 202, "HALTED", null),
            answer("u1", 2_000, 503, null, null), // well-formed
            new Answer("u1", "POST /api/outcomes", 2_000, 2_010, 500, false, true, null, null),
            new Answer("u1", "POST /api/outcomes", 2_000, 2_010, 503, false, true, null, null));

    Check errors =
        named(
            check(learned(new Counts(2, 1), new Counts(2, 1), ONCE), Set.of(), answers),
            "no bare 5xx");

    assertThat(errors.held()).isFalse();
    assertThat(errors.detail()).isEqualTo("1× POST /api/outcomes 500, 1× POST /api/outcomes 503");
  }

  @Test
  void shouldBreakWhenTakeTradeIsTrueInAnyStateButActive() {
    List<Answer> answers =
        List.of(
            answer("h", 2_000, 202, "HALTED", null), answer("u1", 2_000, 200, "REDUCING", true));

    assertThat(
            named(
                    check(learned(new Counts(2, 1), new Counts(2, 1), ONCE), Set.of(), answers),
                    "take_trade")
                .held())
        .isFalse();
  }
}
