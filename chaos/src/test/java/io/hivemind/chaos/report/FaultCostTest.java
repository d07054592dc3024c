package io.hivemind.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.chaos.fault.Fault;
import io.hivemind.chaos.fault.FaultWindow;
import io.hivemind.chaos.observe.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultCostTest {

  static final Instant T0 = Instant.ofEpochMilli(10_000);

  static Answer at(long sent, int status) {
    return new Answer(
        "u",
        "POST /api/signals",
        sent,
        sent + 100,
        status,
        status == 503,
        status == 503,
        null,
        null);
  }

  @Test
  void shouldChargeEachFaultTheFailuresUntilTheNextOneAndMeasureTheirSpan() {
    FaultWindow first = new FaultWindow(Fault.KILL_GATEWAY, "g", T0, null, null, null, null);
    FaultWindow second =
        new FaultWindow(Fault.KILL_QUERY, "q", T0.plusSeconds(10), null, null, null, null);
    List<Answer> answers =
        List.of(
            at(9_000, 503), // before the first fault: nobody's
            at(10_500, -1),
            at(11_000, 503),
            at(12_000, 202),
            at(13_000, 503),
            at(20_500, 500),
            at(21_000, 202));

    List<FaultCost> costs = FaultCost.of(List.of(first, second), answers, T0.plusSeconds(30));

    assertThat(costs.get(0).attempts()).isEqualTo(4);
    assertThat(costs.get(0).noAnswer()).isEqualTo(1);
    assertThat(costs.get(0).unavailable503()).isEqualTo(2);
    assertThat(costs.get(0).errorWindow()).isEqualTo(Duration.ofMillis(13_100 - 10_500));
    assertThat(costs.get(1).otherServerErrors()).isEqualTo(1);
    assertThat(costs.get(1).errorWindow()).isEqualTo(Duration.ofMillis(100));
  }
}
