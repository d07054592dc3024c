package io.hivemind.rules.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The join's cap on outcomes waiting for their signal, and its sweep by arrival. */
class TradeJoinTest {

  private static final Instant ENTRY = Instant.parse("2026-11-20T17:30:00Z");
  private static final Duration HORIZON = Duration.ofHours(1);
  private static final long CAP = 3;
  private static final Duration RETRY_HORIZON = Duration.ofDays(2);

  private final TradeJoin join =
      new TradeJoin(new ExperienceFactory(PatternScheme.v1()), HORIZON, CAP, RETRY_HORIZON);
  private final MapJoinState state = new MapJoinState();

  private static TradeOutcome outcome(String user, String id) {
    return new TradeOutcome(
        id,
        user,
        "ES",
        Side.LONG,
        4500.0,
        4510.0,
        ENTRY,
        ENTRY.plusSeconds(300),
        1,
        500.0,
        "TARGET",
        false);
  }

  private static Signal signal(String user, String id) {
    return new Signal(id, user, "ES", Side.LONG, 4500.0, ENTRY, "vwap_rsi", Map.of("rsi", 30.0));
  }

  private JoinStep waitFor(String user, String id, long time) {
    return join.onOutcome(outcome(user, id), time, state);
  }

  @Test
  void shouldReportTheBacklogFullWhenTheCapIsReached() {
    assertThat(waitFor("u1", "a", 1)).isEqualTo(JoinStep.NOTHING);
    assertThat(waitFor("u1", "b", 2)).isEqualTo(JoinStep.NOTHING);

    JoinStep third = waitFor("u1", "c", 3);

    assertThat(third.refused()).isFalse();
    assertThat(third.backlogs()).containsExactly(new JoinStep.Backlog("u1", 3, true));
    assertThat(state.waitingOf("u1")).isEqualTo(3);
  }

  @Test
  void shouldRefuseAnOutcomeBeyondTheCapAndForgetIt() {
    for (String id : new String[] {"a", "b", "c"}) {
      waitFor("u1", id, 1);
    }

    JoinStep fourth = waitFor("u1", "d", 2);

    assertThat(fourth.refused()).isTrue();
    assertThat(fourth.refusal())
        .contains("3 outcomes")
        .contains("waiting for their signals")
        .contains("post the signals first");
    assertThat(fourth.learned()).isEmpty();
    assertThat(fourth.backlogs()).containsExactly(new JoinStep.Backlog("u1", 3, true));
    assertThat(state.isPending(JoinKey.of("u1", "d"))).isFalse();
    assertThat(state.waitingOf("u1")).isEqualTo(3);
    // its signal, arriving later, finds nothing waiting: the refused outcome is not learned
    assertThat(join.onSignal(signal("u1", "d"), 3, state).learned()).isEmpty();
  }

  @Test
  void shouldCapEachUserOnTheirOwn() {
    for (String id : new String[] {"a", "b", "c"}) {
      waitFor("u1", id, 1);
    }

    JoinStep other = waitFor("u2", "a", 2);

    assertThat(other.refused()).isFalse();
    assertThat(state.isPending(JoinKey.of("u2", "a"))).isTrue();
  }

  @Test
  void shouldLearnAnOutcomeWhoseSignalIsKnownWhateverTheBacklog() {
    for (String id : new String[] {"a", "b", "c"}) {
      waitFor("u1", id, 1);
    }
    join.onSignal(signal("u1", "z"), 2, state);

    JoinStep matched = waitFor("u1", "z", 3);

    assertThat(matched.refused()).isFalse();
    assertThat(matched.learned()).extracting(Experience::getSignalMatched).containsExactly(true);
  }

  @Test
  void shouldCountARetryOfAWaitingOutcomeOnceAndNotRefuseIt() {
    for (String id : new String[] {"a", "b", "c"}) {
      waitFor("u1", id, 1);
    }

    JoinStep retry = waitFor("u1", "c", 2);

    assertThat(retry).isEqualTo(JoinStep.NOTHING);
    assertThat(state.waitingOf("u1")).isEqualTo(3);
  }

  @Test
  void shouldReportTheBacklogNoLongerFullWhenASignalTakesOneAndAcceptOneMore() {
    for (String id : new String[] {"a", "b", "c"}) {
      waitFor("u1", id, 1);
    }

    JoinStep joined = join.onSignal(signal("u1", "b"), 2, state);

    assertThat(joined.learned()).hasSize(1);
    assertThat(joined.backlogs()).containsExactly(new JoinStep.Backlog("u1", 2, false));
    assertThat(waitFor("u1", "d", 3).backlogs())
        .containsExactly(new JoinStep.Backlog("u1", 3, true));
    assertThat(waitFor("u1", "e", 3).refused()).isTrue();
  }

  @Test
  void shouldSweepOnlyWhatIsDueOldestArrivalFirst() {
    long t = ENTRY.toEpochMilli();
    // key order (a, b, c) is the reverse of arrival order (c, b, a)
    waitFor("u1", "a", t + 3000);
    waitFor("u1", "b", t + 2000);
    waitFor("u1", "c", t + 1000);

    JoinStep swept = join.expire(t + 2000 + HORIZON.toMillis(), state);

    assertThat(swept.learned())
        .extracting(Experience::getSignalId)
        .containsExactly("c", "b"); // a arrived after the cutoff: still waiting
    assertThat(swept.learned()).extracting(Experience::getSignalMatched).containsOnly(false);
    assertThat(swept.backlogs()).containsExactly(new JoinStep.Backlog("u1", 1, false));
    assertThat(state.isPending(JoinKey.of("u1", "a"))).isTrue();
    assertThat(state.waitingOf("u1")).isEqualTo(1);
    assertThat(join.expire(t + 2999 + HORIZON.toMillis(), state)).isEqualTo(JoinStep.NOTHING);
  }

  @Test
  void shouldReportABacklogEmptiedByTheSweepAsNoLongerFull() {
    waitFor("u1", "a", 1);

    JoinStep swept = join.expire(1 + HORIZON.toMillis(), state);

    assertThat(swept.backlogs()).containsExactly(new JoinStep.Backlog("u1", 0, false));
    assertThat(state.waitingOf("u1")).isZero();
  }

  @Test
  void shouldNotReportABacklogThatStaysBelowTheCapAndIsNotEmptied() {
    waitFor("u1", "a", 1);
    waitFor("u1", "b", 2);

    JoinStep joined = join.onSignal(signal("u1", "a"), 3, state);

    assertThat(joined.learned()).hasSize(1);
    assertThat(joined.backlogs()).isEmpty();
  }

  @Test
  void shouldOrderIndexKeysByTimeThenByJoinKeyAsUtf8BytesDo() {
    assertThat(TimeIndex.ORDER.compare(TimeIndex.of(-5, "z"), TimeIndex.of(3, "a"))).isNegative();
    assertThat(TimeIndex.ORDER.compare(TimeIndex.of(3, "a"), TimeIndex.of(3, "b"))).isNegative();
    assertThat(TimeIndex.ORDER.compare(TimeIndex.of(3, "zz"), TimeIndex.upTo(3))).isNegative();
    assertThat(TimeIndex.ORDER.compare(TimeIndex.upTo(3), TimeIndex.of(4, "\u0000"))).isNegative();
    // U+FFFD sorts before U+1F600 in UTF-8, after its surrogates in UTF-16
    assertThat(TimeIndex.ORDER.compare("\uFFFD", "\uD83D\uDE00")).isNegative();
    assertThat(TimeIndex.joinKey(TimeIndex.of(42, "u\u0000s"))).isEqualTo("u\u0000s");
  }
}
