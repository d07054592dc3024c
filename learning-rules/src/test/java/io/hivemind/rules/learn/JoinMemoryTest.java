package io.hivemind.rules.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The join remembers signals and learned outcomes for the retry horizon, then forgets them. */
class JoinMemoryTest {

  private static final Duration HORIZON = Duration.ofHours(1);
  private static final Duration RETRY_HORIZON = Duration.ofDays(2);
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final TradeJoin join =
      new TradeJoin(new ExperienceFactory(PatternScheme.v1()), HORIZON, 1000, RETRY_HORIZON);
  private final MapJoinState state = new MapJoinState();

  @Test
  void shouldDropARetryWithinTheRetryHorizon() {
    trade("u1", "s1", 0);

    join.expire(RETRY_HORIZON.toMillis() - 1, state);

    assertThat(join.onSignal(signal("u1", "s1"), RETRY_HORIZON.toMillis(), state))
        .isEqualTo(JoinStep.NOTHING);
    assertThat(join.onOutcome(outcome("u1", "s1"), RETRY_HORIZON.toMillis(), state).learned())
        .as("the retried outcome is still known as learned")
        .isEmpty();
  }

  @Test
  void shouldForgetSignalsAndLearnedOutcomesOnceTheRetryHorizonHasPassed() {
    trade("u1", "s1", 0);
    join.onSignal(signal("u1", "lonely"), 0, state);
    long entries = state.entries();

    join.expire(RETRY_HORIZON.toMillis() + 1, state);

    assertThat(state.signal(JoinKey.of("u1", "s1"))).isNull();
    assertThat(state.signal(JoinKey.of("u1", "lonely"))).isNull();
    assertThat(state.isLearned(JoinKey.of("u1", "s1"))).isFalse();
    assertThat(state.entries()).isZero().isLessThan(entries);
  }

  @Test
  void shouldKeepWhatArrivedLaterThanTheCutoff() {
    trade("u1", "old", 0);
    trade("u1", "new", DAY);

    join.expire(RETRY_HORIZON.toMillis() + 1, state);

    assertThat(state.signal(JoinKey.of("u1", "old"))).isNull();
    assertThat(state.signal(JoinKey.of("u1", "new"))).isNotNull();
    assertThat(state.isLearned(JoinKey.of("u1", "new"))).isTrue();
  }

  @Test
  void shouldRefuseARetryHorizonNoLongerThanTheJoinHorizon() {
    assertThatThrownBy(
            () -> new TradeJoin(new ExperienceFactory(PatternScheme.v1()), HORIZON, 1, HORIZON))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * 120 days of a steady 200 trades a day, swept every simulated minute as live sweeps: the state
   * reaches its size within the retry horizon and then stays there, instead of growing with the
   * days.
   */
  @Test
  void shouldHoldAFlatStateUnderASteadyLoad() {
    List<Long> entriesAtDayEnd = new ArrayList<>();
    long perTrade = DAY / 200;
    long time = 0;
    int id = 0;
    for (int day = 0; day < 120; day++) {
      for (int t = 0; t < 200; t++) {
        time += perTrade;
        trade("u" + (id % 30), "s" + id++, time);
        if (t % 10 == 0) {
          join.expire(time, state);
        }
      }
      entriesAtDayEnd.add(state.entries());
    }

    long settled = entriesAtDayEnd.get(10);
    assertThat(entriesAtDayEnd.subList(10, 120))
        .allSatisfy(entries -> assertThat(entries).isBetween(settled - 50, settled + 50));
    assertThat(settled).as("about two days of trades, four entries each").isBetween(1500L, 1700L);
  }

  private void trade(String user, String id, long time) {
    join.onSignal(signal(user, id), time, state);
    join.onOutcome(outcome(user, id), time, state);
  }

  private static Signal signal(String user, String id) {
    return new Signal(
        id, user, "ES", Side.LONG, 4500.0, Instant.EPOCH, "vwap_rsi", Map.of("rsi", 30.0));
  }

  private static TradeOutcome outcome(String user, String id) {
    return new TradeOutcome(
        id,
        user,
        "ES",
        Side.LONG,
        4500.0,
        4510.0,
        Instant.EPOCH,
        Instant.EPOCH.plusSeconds(300),
        1,
        500.0,
        "TARGET",
        false);
  }
}
