package io.hivemind.learning.regime;

import io.hivemind.learning.pattern.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tells a symbol's market regime from its one-minute bars: a hidden Markov filter over five hidden
 * states (trend up, trend down, choppy, volatile, quiet), fed each minute's return and volume
 * measured against the symbol's own norm for that part of the day (the US open moves three times as
 * much as the Asian night, so a quiet open is not a quiet night).
 *
 * <p>Pure and deterministic: {@link #observe} takes a state and a bar and returns the next state;
 * the state has a fixed size (see {@link RegimeState}). Bars must come in time order; a bar not
 * after the last one is ignored (a retry or a late copy). Gaps up to {@code maxGapMinutes} are read
 * as one return scaled to a minute; longer gaps (the daily pause, a weekend, a silent fleet) start
 * the returns afresh while the norms and the filter carry on.
 */
public final class RegimeClassifier {

  private static final int TREND_UP = 0;
  private static final int TREND_DOWN = 1;
  private static final int CHOPPY = 2;
  private static final int VOLATILE = 3;
  private static final int QUIET = 4;
  private static final double VOLATILITY_SPAN = 20;
  private static final double TREND_SPAN = 30;
  private static final double VOLUME_SPAN = 20;
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private final RegimeModel model;
  private final ZoneId exchangeZone;
  private final double[][] transition;

  public RegimeClassifier(RegimeModel model, ZoneId exchangeZone) {
    this.model = Objects.requireNonNull(model, "model");
    this.exchangeZone = Objects.requireNonNull(exchangeZone, "exchangeZone");
    this.transition = transitions(model);
  }

  /** The fitted model on CME exchange time. */
  public static RegimeClassifier standard() {
    return new RegimeClassifier(RegimeModel.fitted(), ZoneId.of("America/New_York"));
  }

  public RegimeModel model() {
    return model;
  }

  /** The state after {@code bar}; {@code state} itself is not changed. */
  public RegimeState observe(RegimeState state, MinuteBar bar) {
    if (state.lastMinute() != null && !bar.minute().isAfter(state.lastMinute())) {
      return state;
    }
    int session = sessionOf(bar.minute());
    double logClose = Math.log(bar.close());
    double logVolume = Math.log1p(bar.volume());
    double[] variance = state.sessionVariance();
    double[] volumeNorm = state.sessionLogVolume();
    long[] minutes = state.sessionMinutes();
    double[] posterior = state.posterior();
    MarketRegime regime = state.regime();
    Instant since = state.since();
    double recentSquared = state.recentSquaredReturn();
    double recentReturn = state.recentReturn();
    double recentVolume = state.recentLogVolume();
    double anchor = state.lastMinute() == null ? logClose : state.anchor();

    long gap =
        state.lastMinute() == null
            ? Long.MAX_VALUE
            : Duration.between(state.lastMinute(), bar.minute()).toMinutes();
    boolean hasReturn = gap >= 1 && gap <= model.maxGapMinutes();
    if (hasReturn) {
      double r = (logClose - state.lastLogClose()) / Math.sqrt(gap);
      long seen = minutes[session];
      if (seen >= Math.min(30, Math.max(1, model.warmupMinutes()))) {
        double scale = Math.sqrt(variance[session]);
        double z = r / scale;
        double g = (state.lastLogClose() - anchor) / scale;
        double y = logVolume - volumeNorm[session];
        posterior = filter(posterior, z, g, y);
        recentSquared += (z * z - recentSquared) / VOLATILITY_SPAN;
        recentReturn += (z - recentReturn) / TREND_SPAN;
        recentVolume += (y - recentVolume) / VOLUME_SPAN;
        MarketRegime best = mostLikely(posterior);
        if (regime == null) {
          regime = best;
          since = bar.minute();
        } else if (best != regime
            && probability(posterior, best)
                > probability(posterior, regime) + model.switchMargin()) {
          regime = best;
          since = bar.minute();
        }
      }
      double weight = Math.max(1.0 / (seen + 1), Math.log(2) / model.normHalfLife());
      variance[session] += (r * r - variance[session]) * weight;
      volumeNorm[session] += (logVolume - volumeNorm[session]) * weight;
      minutes[session] = seen + 1;
    }
    if (hasReturn || state.lastMinute() == null) {
      anchor += (logClose - anchor) / model.anchorMinutes();
    } else {
      anchor = logClose;
    }
    return new RegimeState(
        bar.minute(),
        logClose,
        anchor,
        variance,
        volumeNorm,
        minutes,
        posterior,
        regime,
        since,
        recentSquared,
        recentReturn,
        recentVolume,
        state.minutesObserved() + 1);
  }

  /** What can be said after the last bar {@code state} has read. */
  public RegimeReading read(RegimeState state) {
    if (state.lastMinute() == null || state.regime() == null) {
      return new RegimeReading.WarmingUp(state.minutesObserved(), model.warmupMinutes());
    }
    long seen = state.sessionMinutes()[sessionOf(state.lastMinute())];
    if (seen < model.warmupMinutes()) {
      return new RegimeReading.WarmingUp(seen, model.warmupMinutes());
    }
    double[] posterior = state.posterior();
    Map<MarketRegime, Double> probabilities = new EnumMap<>(MarketRegime.class);
    for (MarketRegime regime : MarketRegime.values()) {
      probabilities.put(regime, probability(posterior, regime));
    }
    double volatility = Math.sqrt(Math.max(0, state.recentSquaredReturn()));
    double a = 1 / TREND_SPAN;
    double trend = volatility == 0 ? 0 : state.recentReturn() / volatility * Math.sqrt((2 - a) / a);
    double scale = Math.sqrt(state.sessionVariance()[sessionOf(state.lastMinute())]);
    double reversion = scale == 0 ? 0 : (state.lastLogClose() - state.anchor()) / scale;
    RegimeEvidence evidence =
        new RegimeEvidence(
            probabilities,
            volatility,
            trend,
            reversion,
            Math.exp(state.recentLogVolume()),
            state.minutesObserved());
    return new RegimeReading.Classified(
        state.regime(), state.since(), state.lastMinute(), evidence);
  }

  private int sessionOf(Instant minute) {
    return TradingSession.at(minute.atZone(exchangeZone).toLocalTime()).ordinal();
  }

  private double[] filter(double[] previous, double z, double g, double y) {
    double[] logs = new double[RegimeState.HIDDEN];
    double max = Double.NEGATIVE_INFINITY;
    for (int to = 0; to < logs.length; to++) {
      double prior = 0;
      for (int from = 0; from < logs.length; from++) {
        prior += previous[from] * transition[from][to];
      }
      RegimeModel.Emission e = model.emission(regimeOf(to));
      double direction = to == TREND_UP ? 1 : to == TREND_DOWN ? -1 : 0;
      double mean = direction * e.drift() - e.reversion() * g;
      logs[to] =
          Math.log(Math.max(prior, 1e-300))
              + logNormal(z, mean, e.sd())
              + logNormal(y, e.volumeMean(), e.volumeSd());
      max = Math.max(max, logs[to]);
    }
    double total = 0;
    for (int i = 0; i < logs.length; i++) {
      logs[i] = Math.exp(logs[i] - max);
      total += logs[i];
    }
    for (int i = 0; i < logs.length; i++) {
      // a floor keeps every regime reachable after a long spell of another
      logs[i] = Math.max(logs[i] / total, 1e-9);
    }
    return logs;
  }

  private static double logNormal(double x, double mean, double sd) {
    double u = (x - mean) / sd;
    return -0.5 * u * u - Math.log(sd) - LOG_SQRT_2PI;
  }

  private static MarketRegime regimeOf(int hidden) {
    return switch (hidden) {
      case TREND_UP, TREND_DOWN -> MarketRegime.TRENDING;
      case CHOPPY -> MarketRegime.CHOPPY;
      case VOLATILE -> MarketRegime.VOLATILE;
      default -> MarketRegime.QUIET;
    };
  }

  private static double probability(double[] posterior, MarketRegime regime) {
    double sum = 0;
    for (int i = 0; i < posterior.length; i++) {
      if (regimeOf(i) == regime) {
        sum += posterior[i];
      }
    }
    return sum;
  }

  private static MarketRegime mostLikely(double[] posterior) {
    MarketRegime best = MarketRegime.CHOPPY;
    double bestProbability = -1;
    for (MarketRegime regime : MarketRegime.values()) {
      double p = probability(posterior, regime);
      if (p > bestProbability) {
        best = regime;
        bestProbability = p;
      }
    }
    return best;
  }

  /** Stay with 1 − 1/meanMinutes, else move to one of the other regimes, each as likely. */
  private static double[][] transitions(RegimeModel model) {
    int n = RegimeState.HIDDEN;
    double[][] matrix = new double[n][n];
    int others = MarketRegime.values().length - 1;
    for (int from = 0; from < n; from++) {
      MarketRegime source = regimeOf(from);
      double leave = 1.0 / model.emission(source).meanMinutes();
      for (int to = 0; to < n; to++) {
        MarketRegime target = regimeOf(to);
        if (to == from) {
          matrix[from][to] = 1 - leave;
        } else if (target != source) {
          double share = target == MarketRegime.TRENDING ? 0.5 : 1.0;
          matrix[from][to] = leave / others * share;
        }
      }
    }
    return matrix;
  }
}
