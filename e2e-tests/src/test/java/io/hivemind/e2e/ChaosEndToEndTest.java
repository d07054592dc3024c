package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./hivemind chaos} as an operator runs it, short: a small fleet trades while the learner
 * and then the gateway are killed with kill -9 and started again; the oracle, reading the topics
 * itself, finds every acknowledged event stored and learned once, the halted user never answered as
 * active and no bare 5xx. The drill's exit code is the verdict ({@code hivemind} fails the test on
 * a non-zero one).
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class ChaosEndToEndTest {

  private static LocalStack stack;

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  @Test
  void aDrillKillingTheLearnerAndTheGatewayEndsWithEveryInvariantHeld() throws Exception {
    String output =
        stack.hivemind(
            "chaos",
            "--faults",
            "kill-learner,kill-gateway",
            "--bots",
            "8",
            "--duration",
            "70s",
            "--seed",
            "13",
            "--settle",
            "3m");

    assertThat(output)
        .contains("kill-learner: kill -9 learner-streams")
        .contains("kill-gateway: kill -9 ingest-gateway")
        .contains("| user statistics equal the log (level 0, trades and wins) | yes |")
        .contains("| a halt is never read as active | yes |")
        .contains("chaos: every invariant held");
  }
}
