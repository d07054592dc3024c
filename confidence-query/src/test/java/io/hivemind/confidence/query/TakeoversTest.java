package io.hivemind.confidence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TakeoversTest {

  private final Takeovers takeovers = new Takeovers();

  @Test
  void shouldSettleAPartitionOnlyOnceItHasProcessedTheEndItHadWhenTakenOver() {
    assertThat(takeovers.settle(Map.of(0, new Takeovers.Position(0, 30_001)))).isEmpty();
    // new records keep arriving: the mark stays where the partition ended at the takeover
    assertThat(takeovers.settle(Map.of(0, new Takeovers.Position(29_500, 30_400)))).isEmpty();
    assertThat(takeovers.settle(Map.of(0, new Takeovers.Position(30_001, 30_900))))
        .containsExactly(0);
  }

  @Test
  void shouldStaySettledWhileTheLagGrowsAgain() {
    takeovers.settle(Map.of(1, new Takeovers.Position(50, 50)));

    assertThat(takeovers.settle(Map.of(1, new Takeovers.Position(60, 5_000)))).containsExactly(1);
  }

  @Test
  void shouldStartAnewWhenAPartitionIsTakenOverAgain() {
    takeovers.settle(Map.of(2, new Takeovers.Position(10, 10)));
    takeovers.settle(Map.of());

    assertThat(takeovers.settle(Map.of(2, new Takeovers.Position(10, 900)))).isEmpty();
  }

  @Test
  void shouldSettleAnEmptyPartitionAtOnce() {
    assertThat(takeovers.settle(Map.of(3, new Takeovers.Position(0, 0)))).containsExactly(3);
  }
}
