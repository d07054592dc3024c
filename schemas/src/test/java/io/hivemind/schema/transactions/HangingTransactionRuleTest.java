package io.hivemind.schema.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.schema.transactions.HangingTransactionRule.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HangingTransactionRuleTest {

  private static final Instant LAST_WRITE = Instant.parse("2026-03-01T10:00:00Z");
  private static final OpenTransaction OPEN =
      new OpenTransaction("hivemind.user-stats", 3, 12L, (short) 40, 0, 87L, LAST_WRITE);

  /** The broker's default 15 min plus 1 min. */
  private final HangingTransactionRule rule =
      HangingTransactionRule.beyond(Duration.ofMinutes(15), Duration.ofMinutes(1));

  private static CoordinatorView coordinator(String state, String... partitions) {
    return new CoordinatorView("hivemind-learner-0_1", 12L, state, Set.of(partitions));
  }

  @Test
  void shouldLeaveATransactionYoungerThanTheBoundAloneWhateverTheCoordinatorSays() {
    Instant now = LAST_WRITE.plus(Duration.ofMinutes(16));

    assertThat(rule.judge(OPEN, Optional.empty(), now)).isEqualTo(Verdict.WITHIN_BOUND);
    assertThat(rule.judge(OPEN, Optional.of(coordinator("Empty")), now))
        .isEqualTo(Verdict.WITHIN_BOUND);
  }

  @Test
  void shouldCallHangingAnOldTransactionWhoseProducerNoCoordinatorKnows() {
    Instant now = LAST_WRITE.plus(Duration.ofMinutes(16)).plusMillis(1);

    assertThat(rule.judge(OPEN, Optional.empty(), now)).isEqualTo(Verdict.HANGING);
  }

  @Test
  void shouldCallHangingAnOldTransactionTheCoordinatorListsAsEmpty() {
    // issue 13: the coordinator lists the learner's transactional id as Empty
    Instant now = LAST_WRITE.plus(Duration.ofMinutes(20));

    assertThat(rule.judge(OPEN, Optional.of(coordinator("Empty")), now)).isEqualTo(Verdict.HANGING);
  }

  @Test
  void shouldCallHangingAnOldTransactionWhoseOngoingTransactionIsElsewhere() {
    Instant now = LAST_WRITE.plus(Duration.ofMinutes(20));

    assertThat(rule.judge(OPEN, Optional.of(coordinator("Ongoing", "hivemind.experiences-3")), now))
        .isEqualTo(Verdict.HANGING);
  }

  @Test
  void shouldLeaveToTheCoordinatorAnOldTransactionItStillHasToFinishOnThePartition() {
    // a commit in progress: an abort marker here would lose the partition's part of a commit
    Instant now = LAST_WRITE.plus(Duration.ofMinutes(20));

    assertThat(
            rule.judge(
                OPEN, Optional.of(coordinator("PrepareCommit", "hivemind.user-stats-3")), now))
        .isEqualTo(Verdict.COORDINATOR_COMPLETES_IT);
  }

  @Test
  void shouldNotTakeAnotherProducerIdsTransactionForThisOne() {
    Instant now = LAST_WRITE.plus(Duration.ofMinutes(20));
    CoordinatorView other =
        new CoordinatorView("someone-else", 99L, "Ongoing", Set.of("hivemind.user-stats-3"));

    assertThat(rule.judge(OPEN, Optional.of(other), now)).isEqualTo(Verdict.HANGING);
  }

  @Test
  void shouldRefuseABoundThatIsNotPositive() {
    assertThatThrownBy(() -> new HangingTransactionRule(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldWatchTopicsByPrefix() {
    WatchedTopics watched = WatchedTopics.of("hivemind.", "hivemind-learner-");

    assertThat(watched.contains("hivemind.user-stats")).isTrue();
    assertThat(watched.contains("hivemind-learner-joins-repartition")).isTrue();
    assertThat(watched.contains("__transaction_state")).isFalse();
    assertThat(watched.contains("other-app-changelog")).isFalse();
  }
}
