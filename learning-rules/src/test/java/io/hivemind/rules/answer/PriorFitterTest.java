package io.hivemind.rules.answer;

import static io.hivemind.rules.answer.MapStatsLookup.K;
import static io.hivemind.rules.answer.MapStatsLookup.shared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.learning.confidence.ShrinkagePriors;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Side;
import io.hivemind.schema.WinStats;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PriorFitterTest {

  private static final ShrinkagePriors FIXED = ShrinkagePriors.fixed(10, 100);
  private static final Instant MIDDAY_NEW_YORK = Instant.parse("2026-11-20T17:30:00Z");
  private static final List<String> PATTERNS =
      PatternScheme.v1().patterns(MIDDAY_NEW_YORK, Map.of("rsi", 34.2, "vwap_z", -2.15));
  private static final List<String> SYMBOLS = List.of("ES", "NQ", "CL", "GC", "YM", "RTY");

  private final Map<CommunityStatsKey, WinStats> community = new HashMap<>();

  @Test
  void shouldKeepTheFixedPriorsWhileTooFewGroupsHaveTrades() {
    for (String symbol : SYMBOLS.subList(0, 4)) {
      l0(symbol, Side.LONG, K, 0.6, 1_000);
    }

    ShrinkagePriors priors = fit().priors("ES", "LONG", PATTERNS, FIXED);

    assertThat(priors.rootMean()).isEqualTo(0.5);
    assertThat(priors.levelStrengths()).containsExactly(10.0, 10.0, 10.0);
  }

  @Test
  void shouldStartTheChainAtTheFleetsPooledRateOnceEnoughGroupsHaveTrades() {
    double[] rates = {0.50, 0.55, 0.60, 0.65, 0.70, 0.60};
    for (int i = 0; i < SYMBOLS.size(); i++) {
      l0(SYMBOLS.get(i), Side.LONG, K, rates[i], 1_000);
    }

    ShrinkagePriors priors = fit().priors("ES", "LONG", PATTERNS, FIXED);

    assertThat(priors.rootMean()).isCloseTo(0.6, within(1e-9));
    // rates spread by sd ≈ 0.065 around 0.6, far beyond 1,000 trades' noise (≈ 0.015): the
    // method of moments gives a strength near m(1 − m)/var − 1 ≈ 55
    assertThat(priors.levelStrengths().get(0)).isBetween(30.0, 80.0);
    assertThat(priors.levelStrengths().subList(1, 3)).containsExactly(10.0, 10.0);
  }

  @Test
  void shouldGiveAStrongPriorWhenTheGroupsSpreadNoMoreThanTheirNoise() {
    Random random = new Random(7);
    for (String symbol : SYMBOLS) {
      int trades = 400;
      int wins = 0;
      for (int t = 0; t < trades; t++) {
        wins += random.nextDouble() < 0.55 ? 1 : 0;
      }
      l0(symbol, Side.SHORT, K, (double) wins / trades, trades);
    }

    ShrinkagePriors priors = fit().priors("ES", "SHORT", PATTERNS, FIXED);

    assertThat(priors.rootMean()).isCloseTo(0.55, within(0.02));
    assertThat(priors.levelStrengths().get(0)).isGreaterThan(200.0);
  }

  @Test
  void shouldNotCountAStatisticWithFewerThanKContributors() {
    for (String symbol : SYMBOLS.subList(0, 4)) {
      l0(symbol, Side.LONG, K, 0.6, 1_000);
    }
    l0("YM", Side.LONG, K - 1, 0.9, 1_000);
    l0("RTY", Side.LONG, K - 1, 0.9, 1_000);

    assertThat(fit().priors("ES", "LONG", PATTERNS, FIXED).rootMean()).isEqualTo(0.5);
  }

  @Test
  void shouldFitEachDeeperLevelOnlyFromThePatternsUnderTheQuestionsOwnParent() {
    for (int i = 0; i < SYMBOLS.size(); i++) {
      l0(SYMBOLS.get(i), Side.LONG, K, 0.5 + 0.04 * i, 2_000);
    }
    // six L2 patterns under ES LONG's mid-day L1, spread widely
    String parent = PATTERNS.get(1);
    for (int bucket = 0; bucket < 6; bucket++) {
      community.put(
          new CommunityStatsKey("ES", Side.LONG, 2, parent + "/rsi" + bucket + "/vz0"),
          counts(K, 0.15 + 0.14 * bucket, 500));
    }

    PriorFitter fitter = new PriorFitter(PriorFitter.DEFAULT_FIT, K, PatternScheme.LEVELS);
    community.forEach((key, stats) -> fitter.update(key, null, stats));
    ShrinkagePriors es = fitter.priors("ES", "LONG", PATTERNS, FIXED);
    ShrinkagePriors nq = fitter.priors("NQ", "LONG", PATTERNS, FIXED);
    // as served, only L0 is fitted (ADR 20)
    ShrinkagePriors served = fit().priors("ES", "LONG", PATTERNS, FIXED);
    assertThat(served.levelStrengths().subList(1, 3)).containsExactly(10.0, 10.0);
    assertThat(served.levelStrengths().get(0)).isEqualTo(es.levelStrengths().get(0));

    assertThat(es.levelStrengths().get(2)).isLessThan(10.0);
    assertThat(es.levelStrengths().get(1)).isEqualTo(10.0); // no L1 groups under ES LONG's L0
    assertThat(nq.levelStrengths().get(2)).isEqualTo(10.0);
    assertThat(nq.rootMean()).isEqualTo(es.rootMean());
  }

  @Test
  void shouldFitTheSameWhetherBuiltAtOnceOrUpdatedStatisticByStatistic() {
    PriorFitter updated = PriorFitter.served(K);
    for (int i = 0; i < SYMBOLS.size(); i++) {
      CommunityStatsKey key = l0Key(SYMBOLS.get(i), Side.LONG);
      WinStats first = counts(K, 0.2, 100);
      updated.update(key, null, first);
      WinStats second = counts(K + i, 0.5 + 0.03 * i, 900);
      updated.update(key, first, second);
      community.put(key, second);
    }
    CommunityStatsKey gone = l0Key("ZN", Side.LONG);
    updated.update(gone, null, counts(K, 0.99, 5_000));
    updated.update(gone, counts(K, 0.99, 5_000), null);

    ShrinkagePriors fromUpdates = updated.priors("ES", "LONG", PATTERNS, FIXED);
    ShrinkagePriors atOnce = fit().priors("ES", "LONG", PATTERNS, FIXED);

    assertThat(fromUpdates.rootMean()).isCloseTo(atOnce.rootMean(), within(1e-9));
    assertThat(fromUpdates.levelStrengths().get(0))
        .isCloseTo(atOnce.levelStrengths().get(0), within(1e-6));
  }

  @Test
  void shouldServeANewcomerTheFleetsRateInsteadOfAnUninformedHalf() {
    for (int i = 0; i < SYMBOLS.size(); i++) {
      l0(SYMBOLS.get(i), Side.LONG, K, 0.58 + 0.01 * (i % 2), 3_000);
    }
    ConfidenceModel model = ConfidenceModel.v1(K);
    ConfidenceQuery gold =
        new ConfidenceQuery(
            "newcomer", "GC2", Side.LONG, Map.of("rsi", 34.2, "vwap_z", -2.15), MIDDAY_NEW_YORK);
    MapStatsLookup lookup = new MapStatsLookup();
    lookup.community.putAll(community);

    double fixed = model.answer(gold, lookup).confidence().probability();
    double fitted = model.answer(gold, lookup, fit()).confidence().probability();

    assertThat(fixed).isCloseTo(0.5, within(1e-9));
    assertThat(fitted).isCloseTo(0.585, within(0.005));
  }

  private PriorFitter fit() {
    return PriorFitter.of(community, K);
  }

  private void l0(String symbol, Side side, int contributors, double rate, int trades) {
    community.put(l0Key(symbol, side), counts(contributors, rate, trades));
  }

  private static CommunityStatsKey l0Key(String symbol, Side side) {
    return new CommunityStatsKey(symbol, side, 0, PATTERNS.get(0));
  }

  private static WinStats counts(int contributors, double rate, int trades) {
    long wins = Math.round(rate * trades);
    return shared(contributors, trades, wins, wins, trades);
  }
}
