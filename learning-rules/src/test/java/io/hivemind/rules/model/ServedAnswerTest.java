package io.hivemind.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.learning.confidence.Confidence;
import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.schema.Side;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServedAnswerTest {

  private static final Instant MIDDAY_NEW_YORK = Instant.parse("2026-11-20T17:30:00Z");
  private static final ConfidenceAnswer PATTERN =
      new ConfidenceAnswer(
          new Confidence(0.60, 0.50, 0.69, 0.9), 12, 400, OptionalInt.of(2), "ES|LONG|p");

  private final ConfidenceQuery query =
      new ConfidenceQuery(
          "u1", "ES", Side.LONG, Map.of("rsi", 34.2, "vwap_z", -2.15), MIDDAY_NEW_YORK, false);

  @Test
  void shouldServeThePatternModelAloneUntilAChallengerIsLoaded() {
    ServedAnswer served =
        ServedAnswer.of(
            query, "basic", PATTERN, Optional.empty(), new ModelExperiment(1, Set.of()));

    assertThat(served.model()).isEqualTo("pattern");
    assertThat(served.version()).isEqualTo("v1");
    assertThat(served.answer()).isEqualTo(PATTERN);
    assertThat(served.predictions())
        .containsExactly(new ServedAnswer.Prediction("pattern", "v1", 0.60));
  }

  @Test
  void shouldScoreTheChallengerInShadowWhenTheUserIsOnThePatternModel() {
    ChallengerModel challenger = trained(40, true);

    ServedAnswer served =
        ServedAnswer.of(
            query, "basic", PATTERN, Optional.of(challenger), ModelExperiment.patternOnly());

    assertThat(served.model()).isEqualTo("pattern");
    assertThat(served.answer()).isEqualTo(PATTERN);
    assertThat(served.predictions()).hasSize(2);
    ServedAnswer.Prediction shadow = served.predictions().get(1);
    assertThat(shadow.model()).isEqualTo("challenger");
    assertThat(shadow.version()).isEqualTo(challenger.version().label());
    assertThat(shadow.probability())
        .isEqualTo(challenger.probability(ChallengerInputs.of(query)))
        .isGreaterThan(0.5);
  }

  @Test
  void shouldServeTheChallengerWithThePatternEvidenceAndTheIntervalMovedToItsMean() {
    ChallengerModel challenger = trained(40, false);
    double says = challenger.probability(ChallengerInputs.of(query));

    ServedAnswer served =
        ServedAnswer.of(
            query,
            "elite",
            PATTERN,
            Optional.of(challenger),
            new ModelExperiment(0, Set.of("elite")));

    assertThat(served.model()).isEqualTo("challenger");
    assertThat(served.version()).isEqualTo(challenger.version().label());
    Confidence confidence = served.answer().confidence();
    assertThat(confidence.probability()).isEqualTo(says).isLessThan(0.5);
    assertThat(confidence.low()).isLessThan(says);
    assertThat(confidence.high()).isGreaterThan(says);
    assertThat(logit(confidence.high()) - logit(confidence.low()))
        .isCloseTo(logit(0.69) - logit(0.50), within(1e-9));
    assertThat(served.answer().userTrades()).isEqualTo(12);
    assertThat(served.answer().communityTrades()).isEqualTo(400);
    assertThat(served.predictions().get(0).model()).isEqualTo("challenger");
    assertThat(served.predictions().get(1))
        .isEqualTo(new ServedAnswer.Prediction("pattern", "v1", 0.60));
  }

  @Test
  void shouldServeAPrivateUserThePatternModelWhateverTheExperimentSays() {
    ConfidenceQuery privateQuery = query.withPrivateUser(true);

    ServedAnswer served =
        ServedAnswer.of(
            privateQuery,
            "elite",
            PATTERN,
            Optional.of(trained(10, true)),
            new ModelExperiment(1, Set.of("elite")));

    assertThat(served.model()).isEqualTo("pattern");
  }

  /** A challenger that saw {@code trades} of this market, every one won (or every one lost). */
  private ChallengerModel trained(int trades, boolean won) {
    ChallengerModel model = ChallengerModel.withDefaults();
    for (int i = 0; i < trades; i++) {
      ConfidenceQuery other =
          new ConfidenceQuery(
              "other-" + i, "ES", Side.LONG, query.features(), MIDDAY_NEW_YORK, false);
      model.learn(ChallengerInputs.of(other), won, "s" + i);
    }
    return model;
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
