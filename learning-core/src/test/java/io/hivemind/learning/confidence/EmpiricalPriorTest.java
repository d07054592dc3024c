package io.hivemind.learning.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class EmpiricalPriorTest {

  private static final double MIN = 2;
  private static final double MAX = 1_000;

  private final EmpiricalPrior prior = new EmpiricalPrior(2, MIN, MAX);

  private static Counts rate(double winRate, double trades) {
    return new Counts(winRate * trades, trades);
  }

  @Test
  void shouldSolveTheMomentsExactlyForKnownRates() {
    // m = 0.5, Q = 100 (0.01 + 0 + 0.01 + 0) = 2, Q / m(1-m) = 8, G - 1 = 3,
    // information = 400 - 40,000/400 - 3 = 297: ρ = 5/297, strength = 297/5 - 1 = 58.4
    BetaPrior fitted =
        prior
            .fit(List.of(rate(0.4, 100), rate(0.5, 100), rate(0.6, 100), rate(0.5, 100)))
            .orElseThrow();

    assertThat(fitted.mean()).isCloseTo(0.5, within(1e-12));
    assertThat(fitted.strength()).isCloseTo(58.4, within(1e-9));
  }

  @Test
  void shouldWeightEachGroupsRateByItsTrades() {
    // m = (10 + 270) / 400 = 0.7: the big group pulls the mean, not the count of groups
    BetaPrior fitted = prior.fit(List.of(rate(0.1, 100), rate(0.9, 300))).orElseThrow();

    assertThat(fitted.mean()).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void shouldRecoverTheMeanAndStrengthTheGroupsWereDrawnFrom() {
    RandomGenerator random = new Well19937c(7);
    BetaDistribution truth = new BetaDistribution(random, 0.55 * 40, 0.45 * 40);
    List<Counts> groups = new ArrayList<>();
    for (int group = 0; group < 4_000; group++) {
      int trades = 20 + random.nextInt(280);
      int wins = new BinomialDistribution(random, trades, truth.sample()).sample();
      groups.add(new Counts(wins, trades));
    }

    BetaPrior fitted = prior.fit(groups).orElseThrow();

    assertThat(fitted.mean()).isCloseTo(0.55, within(0.005));
    assertThat(fitted.strength()).isCloseTo(40, within(4.0));
  }

  @Test
  void shouldTakeTheBinomialNoiseOutOfTheSpread() {
    // every group has the same true rate: what spread there is, is noise, so the prior is strong
    RandomGenerator random = new Well19937c(11);
    List<Counts> groups = new ArrayList<>();
    for (int group = 0; group < 2_000; group++) {
      groups.add(new Counts(new BinomialDistribution(random, 50, 0.6).sample(), 50));
    }

    BetaPrior fitted = prior.fit(groups).orElseThrow();

    assertThat(fitted.mean()).isCloseTo(0.6, within(0.005));
    assertThat(fitted.strength()).isGreaterThan(300);
  }

  @Test
  void shouldGiveTheStrongestPriorAtThePooledMeanWhenTheGroupsDoNotSpread() {
    BetaPrior fitted =
        prior.fit(List.of(rate(0.55, 200), rate(0.55, 100), rate(0.55, 400))).orElseThrow();

    assertThat(fitted.mean()).isCloseTo(0.55, within(1e-12));
    assertThat(fitted.strength()).isEqualTo(MAX);
  }

  @Test
  void shouldGiveTheWeakestPriorWhenEveryGroupAlwaysWinsOrAlwaysLoses() {
    BetaPrior fitted =
        prior.fit(List.of(rate(0, 100), rate(1, 100), rate(0, 100), rate(1, 100))).orElseThrow();

    assertThat(fitted.mean()).isCloseTo(0.5, within(1e-12));
    assertThat(fitted.strength()).isEqualTo(MIN);
  }

  @Test
  void shouldGiveTheStrongestPriorWhenEveryTradeWon() {
    BetaPrior fitted = prior.fit(List.of(rate(1, 10), rate(1, 30))).orElseThrow();

    assertThat(fitted.mean()).isEqualTo(1.0);
    assertThat(fitted.strength()).isEqualTo(MAX);
  }

  @Test
  void shouldFitNothingWithoutTwoGroupsThatHaveTrades() {
    assertThat(prior.fit(List.of())).isEmpty();
    assertThat(prior.fit(List.of(rate(0.6, 1_000)))).isEmpty();
    assertThat(prior.fit(List.of(rate(0.6, 1_000), Counts.NONE))).isEmpty();
  }

  @Test
  void shouldFitNothingFromFewerGroupsThanItNeeds() {
    List<Counts> three = List.of(rate(0.4, 100), rate(0.5, 100), rate(0.6, 100));

    assertThat(new EmpiricalPrior(4, MIN, MAX).fit(three)).isEmpty();
    assertThat(new EmpiricalPrior(3, MIN, MAX).fit(three)).isPresent();
  }

  @Test
  void shouldFitNothingWhenTheGroupsHoldTooFewTradesToSeparateSpreadFromNoise() {
    // one trade each: a group's rate is 0 or 1 whatever the prior, so the spread says nothing
    assertThat(prior.fit(List.of(rate(1, 1), rate(0, 1), rate(1, 1)))).isEmpty();
  }

  @Test
  void shouldFitFromDecayedCountsAsFromEffectiveTrades() {
    List<Counts> raw = List.of(rate(0.4, 100), rate(0.5, 100), rate(0.6, 100), rate(0.5, 100));
    List<Counts> halved = raw.stream().map(c -> new Counts(c.wins() / 2, c.trades() / 2)).toList();

    // half the evidence in each group: ρ = (4 - 3) / (200 - 50 - 3) = 1/147, strength 146
    assertThat(prior.fit(halved).orElseThrow().strength()).isCloseTo(146, within(1e-9));
  }

  @Test
  void shouldFitTheSameFromMomentsUpdatedOneGroupAtATime() {
    Counts before = rate(0.2, 50);
    Counts after = rate(0.3, 80);
    EmpiricalPrior.Moments moments =
        EmpiricalPrior.Moments.EMPTY
            .plus(rate(0.4, 100))
            .plus(before)
            .plus(rate(0.6, 120))
            .minus(before)
            .plus(after);

    BetaPrior incremental = prior.fit(moments).orElseThrow();
    BetaPrior whole = prior.fit(List.of(rate(0.4, 100), rate(0.6, 120), after)).orElseThrow();

    assertThat(moments.groups()).isEqualTo(3);
    assertThat(incremental.mean()).isCloseTo(whole.mean(), within(1e-12));
    assertThat(incremental.strength()).isCloseTo(whole.strength(), within(1e-6));
  }
}
