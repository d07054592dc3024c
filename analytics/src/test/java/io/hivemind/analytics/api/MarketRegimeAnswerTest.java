package io.hivemind.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.botapi.Instruments;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.learning.regime.RegimeClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarketRegimeAnswerTest {

  private static final RegimeClassifier CLASSIFIER = RegimeClassifier.standard();
  private static final FleetBars.Rules RULES = FleetBars.Rules.defaults(5);
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  /** {@code days} of minutes, each reported by {@code users} users a second apart. */
  private static FleetBars fleet(int days, int users) {
    SplittableRandom random = new SplittableRandom(3);
    FleetBars bars = FleetBars.empty();
    double price = 2650;
    for (int m = 0; m < days * 24 * 60; m++) {
      Instant minute = T0.plusSeconds(60L * m);
      price *= Math.exp(0.0003 * random.nextGaussian());
      for (int u = 0; u < users; u++) {
        bars = bars.report("u" + u, minute, price, 100 + u, minute.plusSeconds(61 + u), RULES);
      }
      bars = bars.settle(minute.plus(Duration.ofSeconds(61 + users + 60)), RULES, CLASSIFIER);
    }
    return bars;
  }

  @Test
  void shouldSayThereIsNotEnoughEvidenceWithoutAMinuteOfKUsers() {
    MarketRegimeAnswer answer = MarketRegimeAnswer.of("GC", fleet(1, 4), CLASSIFIER, 5);

    assertThat(answer.status()).isEqualTo(MarketRegimeAnswer.INSUFFICIENT);
    assertThat(answer.regime()).isNull();
    assertThat(answer.reason()).contains("5 or more distinct users");
    assertThat(answer.evidence().minutesWithheld()).isEqualTo(24 * 60);
  }

  @Test
  void shouldSayWhatNoBookMeans() {
    assertThat(MarketRegimeAnswer.of("GC", null, CLASSIFIER, 5).status())
        .isEqualTo(MarketRegimeAnswer.INSUFFICIENT);
  }

  @Test
  void shouldAnswerTheRegimeSinceWhenAndItsEvidenceFromKUsers() {
    MarketRegimeAnswer answer = MarketRegimeAnswer.of("GC", fleet(2, 5), CLASSIFIER, 5);

    assertThat(answer.status()).isEqualTo(MarketRegimeAnswer.CLASSIFIED);
    assertThat(answer.regime()).isIn("trending", "choppy", "volatile", "quiet");
    assertThat(answer.since()).isNotNull().isBeforeOrEqualTo(answer.asOf());
    assertThat(answer.evidence().probabilities())
        .containsOnlyKeys("trending", "choppy", "volatile", "quiet");
    assertThat(answer.evidence().usersLastMinute()).isEqualTo(5);
    assertThat(answer.evidence().minutesObserved()).isEqualTo(2 * 24 * 60);
  }

  @Test
  void shouldRefuseASymbolOutsideTheInstrumentsNamingIt() {
    assertThatThrownBy(() -> MarketRegimeResource.symbol("XX", Instruments.defaults()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("symbol"));
    assertThatThrownBy(() -> MarketRegimeResource.symbol(null, Instruments.defaults()))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(MarketRegimeResource.symbol(" ES ", Instruments.defaults())).isEqualTo("ES");
  }
}
