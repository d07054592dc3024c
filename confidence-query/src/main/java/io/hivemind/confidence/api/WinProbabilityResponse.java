package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.control.domain.EffectiveState;
import io.hivemind.control.domain.LearningState;
import io.hivemind.control.domain.TradingState;
import io.hivemind.learning.confidence.Confidence;
import io.hivemind.learning.confidence.ShrinkagePriors;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.model.ServedAnswer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** The body of {@code /api/ml/win_probability} (contract v1, DESIGN §6). */
record WinProbabilityResponse(
    @JsonProperty("user_id") String userId,
    @JsonProperty("symbol") String symbol,
    @JsonProperty("side") String side,
    @JsonProperty("win_probability") double winProbability,
    @JsonProperty("interval") Interval interval,
    @JsonProperty("evidence") EvidenceCounts evidence,
    @JsonProperty("threshold") double threshold,
    @JsonProperty("take_trade") boolean takeTrade,
    @JsonProperty("trading_state") TradingState tradingState,
    @JsonProperty("learning") LearningState learning,
    @JsonProperty("as_of") Instant asOf,
    @JsonProperty("freshness") Freshness freshness,
    @JsonProperty("model") Model model)
    implements Freshness.Marked {

  /** Which model gave the answer (pattern or challenger, ADR 22), and its version. */
  record Model(@JsonProperty("name") String name, @JsonProperty("version") String version) {}

  @Override
  public WinProbabilityResponse withFreshness(Freshness marked) {
    return new WinProbabilityResponse(
        userId,
        symbol,
        side,
        winProbability,
        interval,
        evidence,
        threshold,
        takeTrade,
        tradingState,
        learning,
        asOf,
        marked,
        model);
  }

  private static final int DECIMALS = 4;

  record Interval(
      @JsonProperty("low") double low,
      @JsonProperty("high") double high,
      @JsonProperty("level") double level) {}

  /**
   * {@code community_level}: the pattern level {@code community_trades} is counted at, the deepest
   * of the question's with enough distinct users to be shown (k-anonymity); null when none has.
   * {@code prior}: where the pattern model's chain started and how strongly each level shrank (ADR
   * 20); null when the challenger answered.
   */
  record EvidenceCounts(
      @JsonProperty("user_trades") long userTrades,
      @JsonProperty("community_trades") long communityTrades,
      @JsonProperty("community_level") Integer communityLevel,
      @JsonProperty("pattern") String pattern,
      @JsonProperty("prior") Prior prior) {}

  /**
   * The empirical-Bayes priors the answer was shrunk with: {@code mean}, the fleet's pooled rate
   * the community's chain starts at (0.5 until enough groups have trades), and {@code strengths},
   * each level's prior in pseudo-trades (10 where a level's groups did not fit).
   */
  record Prior(
      @JsonProperty("mean") double mean, @JsonProperty("strengths") List<Double> strengths) {

    private static final int DECIMALS = 6;

    static Prior of(ShrinkagePriors priors) {
      return new Prior(
          round(priors.rootMean()), priors.levelStrengths().stream().map(Prior::round).toList());
    }

    private static double round(double value) {
      return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }
  }

  static WinProbabilityResponse of(
      ConfidenceQuery query,
      ConfidenceAnswer answer,
      Model model,
      double threshold,
      EffectiveState control,
      Instant asOf) {
    Confidence confidence = answer.confidence();
    // The decision is taken on the number the bot sees, so 0.7 shown never means "no" at 0.7.
    double probability = rounded(confidence.probability());
    return new WinProbabilityResponse(
        query.userId(),
        query.symbol(),
        query.side().name(),
        probability,
        new Interval(rounded(confidence.low()), rounded(confidence.high()), confidence.level()),
        new EvidenceCounts(
            answer.userTrades(),
            answer.communityTrades(),
            answer.communityLevel().isPresent() ? answer.communityLevel().getAsInt() : null,
            answer.pattern(),
            ServedAnswer.PATTERN.equals(model.name()) ? Prior.of(answer.priors()) : null),
        threshold,
        probability >= threshold && control.allowsEntries(),
        control.tradingState(),
        control.learning(),
        asOf,
        Freshness.FRESH,
        model);
  }

  private static double rounded(double value) {
    return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
  }
}
