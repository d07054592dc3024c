package io.hivemind.learning.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegimeClassifierTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final RegimeClassifier CLASSIFIER = RegimeClassifier.standard();

  /** A market that reverts to its hourly mean, then spends {@code minutes} in another state. */
  private static final class Market {
    private final SplittableRandom random = new SplittableRandom(42);
    private Instant minute = T0;
    private double logPrice = Math.log(5000);
    private double anchor = logPrice;
    RegimeState state = RegimeState.empty();

    Market run(int minutes, double drift, double reversion, double volatility, double volume) {
      for (int i = 0; i < minutes; i++) {
        double sigma = 0.0003 * volatility;
        logPrice += drift * sigma + reversion * (anchor - logPrice) + sigma * random.nextGaussian();
        anchor += (logPrice - anchor) / 60;
        double traded = 1000 * volume * Math.exp(0.4 * random.nextGaussian());
        state = CLASSIFIER.observe(state, new MinuteBar(minute, Math.exp(logPrice), traded));
        minute = minute.plusSeconds(60);
      }
      return this;
    }

    Market choppy(int minutes) {
      return run(minutes, 0, 0.04, 1, 1);
    }

    RegimeReading reading() {
      return CLASSIFIER.read(state);
    }

    MarketRegime regime() {
      return ((RegimeReading.Classified) reading()).regime();
    }
  }

  /** Three days of an ordinary market: every part of the day has its norm. */
  private static Market warmedUp() {
    return new Market().choppy(3 * 24 * 60);
  }

  @Test
  void shouldWarmUpBeforeAnswering() {
    Market market = new Market().choppy(60);

    assertThat(market.reading()).isInstanceOf(RegimeReading.WarmingUp.class);
  }

  @Test
  void shouldCallAnOrdinaryRevertingMarketChoppy() {
    assertThat(warmedUp().choppy(240).regime()).isEqualTo(MarketRegime.CHOPPY);
  }

  @Test
  void shouldCallTwiceTheUsualMovesAndVolumeVolatile() {
    assertThat(warmedUp().run(60, 0, 0.01, 2, 1.7).regime()).isEqualTo(MarketRegime.VOLATILE);
  }

  @Test
  void shouldCallHalfTheUsualMovesAndVolumeQuiet() {
    assertThat(warmedUp().run(120, 0, 0.02, 0.55, 0.75).regime()).isEqualTo(MarketRegime.QUIET);
  }

  @Test
  void shouldCallASteadyDriftTrendingWithItsSignInTheEvidence() {
    Market market = warmedUp().run(120, -0.15, 0, 1, 1.2);

    RegimeReading.Classified reading = (RegimeReading.Classified) market.reading();
    assertThat(reading.regime()).isEqualTo(MarketRegime.TRENDING);
    assertThat(reading.evidence().trendStrength()).isNegative();
    assertThat(reading.since()).isAfter(T0.plusSeconds(3 * 24 * 3600));
  }

  @Test
  void shouldGiveProbabilitiesThatSumToOne() {
    RegimeReading.Classified reading = (RegimeReading.Classified) warmedUp().reading();

    double sum = reading.evidence().probabilities().values().stream().mapToDouble(p -> p).sum();
    assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void shouldKeepTheFirstMinuteOfTheRegimeAsSince() {
    Market market = warmedUp().run(60, 0, 0.01, 2, 1.7);
    Instant since = ((RegimeReading.Classified) market.reading()).since();

    market.run(30, 0, 0.01, 2, 1.7);

    assertThat(((RegimeReading.Classified) market.reading()).since()).isEqualTo(since);
  }

  @Test
  void shouldIgnoreABarNotAfterTheLastOne() {
    Market market = warmedUp();
    RegimeState before = market.state;

    RegimeState after =
        CLASSIFIER.observe(before, new MinuteBar(before.lastMinute(), 9999, 1_000_000));

    assertThat(after).isSameAs(before);
  }

  @Test
  void shouldNotReadAReturnAcrossALongGap() {
    Market market = warmedUp();
    RegimeState before = market.state;
    Instant afterTheWeekend = before.lastMinute().plusSeconds(49 * 3600);

    RegimeState after =
        CLASSIFIER.observe(
            before, new MinuteBar(afterTheWeekend, Math.exp(before.lastLogClose()) * 1.03, 1000));

    assertThat(after.posterior()).isEqualTo(before.posterior());
    assertThat(after.anchor()).isEqualTo(after.lastLogClose());
  }

  @Test
  void shouldGiveTheSameStateForTheSameBars() {
    assertThat(warmedUp().run(100, 0.1, 0, 1, 1).state)
        .isEqualTo(warmedUp().run(100, 0.1, 0, 1, 1).state);
  }
}
