package io.hivemind.simulator.score;

import io.hivemind.learning.pattern.TradingSession;
import io.hivemind.learning.regime.MarketRegime;
import io.hivemind.learning.regime.MinuteBar;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.learning.regime.RegimeModel;
import io.hivemind.learning.regime.RegimeState;
import io.hivemind.simulator.market.Bar;
import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.market.PricePath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the regime model's emissions on labelled simulator worlds: for each true regime, the mean
 * and spread of the normalised return (regressed on the distance to the slow mean), the trend's
 * drift (each trending spell's mean return, signed by its direction), the volume against its norm
 * and how long spells last. Normalisation is the classifier's own, read from its state.
 */
final class RegimeFit {

  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final int N = MarketRegime.values().length;

  private RegimeFit() {}

  static RegimeModel fit(
      RegimeModel start, List<Long> seeds, Instant from, int days, int warmupDays) {
    RegimeClassifier classifier = new RegimeClassifier(start, ZONE);
    double[] n = new double[N];
    double[] sg = new double[N];
    double[] sz = new double[N];
    double[] sgg = new double[N];
    double[] sgz = new double[N];
    double[] szz = new double[N];
    double[] sy = new double[N];
    double[] syy = new double[N];
    double[] spells = new double[N];
    double[] spellMinutes = new double[N];
    double driftSum = 0;
    double driftWeight = 0;
    Instant scoredFrom = from.plus(Duration.ofDays(warmupDays));
    Instant end = from.plus(Duration.ofDays(days));
    for (long seed : seeds) {
      for (Instrument instrument : Instrument.all()) {
        PricePath path = new PricePath(instrument, seed, from);
        RegimeState state = RegimeState.empty();
        MarketRegime spell = null;
        long spellLength = 0;
        List<Double> trendZ = new ArrayList<>();
        while (true) {
          Bar bar = path.next();
          if (!bar.time().isBefore(end)) {
            break;
          }
          MarketRegime truth = MarketRegime.valueOf(path.regime().name());
          boolean scored = !bar.time().isBefore(scoredFrom);
          if (truth != spell) {
            if (spell != null && scored) {
              spells[spell.ordinal()]++;
              spellMinutes[spell.ordinal()] += spellLength;
            }
            if (spell == MarketRegime.TRENDING && trendZ.size() >= 20) {
              double mean = trendZ.stream().mapToDouble(Double::doubleValue).sum() / trendZ.size();
              driftSum += Math.abs(mean) * trendZ.size();
              driftWeight += trendZ.size();
            }
            trendZ.clear();
            spell = truth;
            spellLength = 0;
          }
          spellLength++;
          if (scored && state.lastMinute() != null) {
            long gap = Duration.between(state.lastMinute(), bar.time()).toMinutes();
            if (gap == 1) {
              int session = TradingSession.at(bar.time().atZone(ZONE).toLocalTime()).ordinal();
              double scale = Math.sqrt(state.sessionVariance()[session]);
              double z = (Math.log(bar.close()) - state.lastLogClose()) / scale;
              double g = (state.lastLogClose() - state.anchor()) / scale;
              double y = Math.log1p(bar.volume()) - state.sessionLogVolume()[session];
              int k = truth.ordinal();
              n[k]++;
              sg[k] += g;
              sz[k] += z;
              sgg[k] += g * g;
              sgz[k] += g * z;
              szz[k] += z * z;
              sy[k] += y;
              syy[k] += y * y;
              if (truth == MarketRegime.TRENDING) {
                trendZ.add(z);
              }
            }
          }
          state = classifier.observe(state, new MinuteBar(bar.time(), bar.close(), bar.volume()));
        }
      }
    }
    List<RegimeModel.Emission> emissions = new ArrayList<>();
    double drift = driftSum / driftWeight;
    for (MarketRegime regime : MarketRegime.values()) {
      int k = regime.ordinal();
      double meanG = sg[k] / n[k];
      double meanZ = sz[k] / n[k];
      double covGZ = sgz[k] / n[k] - meanG * meanZ;
      double varG = sgg[k] / n[k] - meanG * meanG;
      double slope = covGZ / varG;
      double varZ = szz[k] / n[k] - meanZ * meanZ;
      double residual = varZ - slope * covGZ;
      double d = regime == MarketRegime.TRENDING ? drift : 0;
      if (regime == MarketRegime.TRENDING) {
        residual -= d * d;
      }
      double meanY = sy[k] / n[k];
      double sdY = Math.sqrt(syy[k] / n[k] - meanY * meanY);
      emissions.add(
          new RegimeModel.Emission(
              d,
              regime == MarketRegime.TRENDING ? 0 : Math.max(0, -slope),
              Math.sqrt(residual),
              meanY,
              sdY,
              spellMinutes[k] / spells[k]));
      System.out.printf(
          Locale.ROOT,
          "%-9s n=%8.0f drift=%.4f reversion=%.4f sd=%.4f volume=%.4f±%.4f spell=%.0f%n",
          regime,
          n[k],
          d,
          -slope,
          Math.sqrt(residual),
          meanY,
          sdY,
          spellMinutes[k] / spells[k]);
    }
    return new RegimeModel(
        emissions,
        start.normHalfLife(),
        start.anchorMinutes(),
        start.maxGapMinutes(),
        start.warmupMinutes(),
        start.switchMargin());
  }
}
