package io.hivemind.rules.model;

import static io.hivemind.rules.model.ChallengerInputsTest.change;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegimeTimelineTest {

  private static final Instant T0 = Instant.parse("2026-11-20T14:30:00Z");

  @Test
  void shouldAnswerTheRegimeThatHadBegunAtTheInstant() {
    RegimeTimeline timeline = new RegimeTimeline();
    timeline.record(change("ES", "choppy", T0));
    timeline.record(change("ES", "trending", T0.plusSeconds(3600)));

    assertThat(timeline.at("ES", T0.minusSeconds(1))).isNull();
    assertThat(timeline.at("ES", T0)).isEqualTo("choppy");
    assertThat(timeline.at("ES", T0.plusSeconds(3599))).isEqualTo("choppy");
    assertThat(timeline.at("ES", T0.plusSeconds(3600))).isEqualTo("trending");
    assertThat(timeline.at("ES", T0.plusSeconds(86_400))).isEqualTo("trending");
    assertThat(timeline.at("NQ", T0.plusSeconds(3600))).isNull();
    assertThat(RegimeTimeline.none().at("ES", T0)).isNull();
  }

  @Test
  void shouldKeepABoundedNumberOfChangesPerSymbolDroppingTheOldest() {
    RegimeTimeline timeline = new RegimeTimeline();
    for (int i = 0; i <= RegimeTimeline.MAX_CHANGES; i++) {
      timeline.record(change("ES", i % 2 == 0 ? "quiet" : "volatile", T0.plusSeconds(60L * i)));
    }

    assertThat(timeline.at("ES", T0)).isNull(); // the oldest change was dropped
    assertThat(timeline.at("ES", T0.plusSeconds(60))).isEqualTo("volatile");
  }
}
