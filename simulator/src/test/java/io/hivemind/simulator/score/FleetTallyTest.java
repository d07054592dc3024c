package io.hivemind.simulator.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetTallyTest {

  @Test
  void shouldCountFromManyThreadsWithoutLosingAny() throws InterruptedException {
    FleetTally tally = new FleetTally();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  tally.opportunity();
                  tally.taken(i % 10 == 0);
                  tally.closed(i % 2 == 0, i % 2 == 0 ? 12.5 : -10.01);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    FleetTally.Snapshot snapshot = tally.snapshot();
    assertThat(snapshot.opportunities()).isEqualTo(8000);
    assertThat(snapshot.taken()).isEqualTo(8000);
    assertThat(snapshot.explored()).isEqualTo(800);
    assertThat(snapshot.winRate()).isEqualTo(0.5);
    assertThat(snapshot.pnl()).isEqualTo(4000 * 12.5 - 4000 * 10.01);
  }

  @Test
  void shouldSumTheReasonsForSkipping() {
    FleetTally tally = new FleetTally();
    tally.skippedBelowThreshold();
    tally.skippedNotActive();
    tally.skippedNoAnswer();
    tally.skippedNoAnswer();
    assertThat(tally.snapshot().skipped()).isEqualTo(4);
    assertThat(tally.snapshot().winRate()).isNaN();
  }
}
