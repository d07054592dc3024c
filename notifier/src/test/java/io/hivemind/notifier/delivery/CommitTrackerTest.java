package io.hivemind.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitTrackerTest {

  private final CommitTracker tracker = new CommitTracker();

  @Test
  void shouldCommitPastRecordsThatFannedOutToNoOne() {
    tracker.track(0, 10, 0);
    tracker.track(0, 11, 0);

    assertThat(tracker.committable(0)).hasValue(12);
    assertThat(tracker.committable(1)).isEmpty();
  }

  @Test
  void shouldHoldTheCommitAtTheFirstRecordWithADeliveryOpen() {
    tracker.track(0, 10, 2);
    tracker.track(0, 11, 1);
    tracker.track(0, 12, 0);

    tracker.ended(0, 11);
    assertThat(tracker.committable(0)).as("10 still has two open").hasValue(10);

    tracker.ended(0, 10);
    assertThat(tracker.committable(0)).as("10 still has one open").hasValue(10);

    tracker.ended(0, 10);
    assertThat(tracker.committable(0)).hasValue(13);
    assertThat(tracker.open()).isZero();
  }

  @Test
  void shouldKeepPartitionsApartAndForgetARevokedOne() {
    tracker.track(0, 5, 1);
    tracker.track(1, 7, 0);

    assertThat(tracker.committable(0)).hasValue(5);
    assertThat(tracker.committable(1)).hasValue(8);

    tracker.revoke(0);
    assertThat(tracker.committable(0)).isEmpty();
    assertThat(tracker.open()).isZero();
  }
}
