package io.hivemind.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.model.ChallengerFeatures;
import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.schema.Experience;
import io.hivemind.schema.RegimeChange;
import io.hivemind.schema.Side;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengerInputsTest {

  private static final Instant ENTRY = Instant.parse("2026-11-10T15:00:00Z");
  private static final Map<String, Double> SEEN =
      Map.of("rsi", 27.0, "vwap_z", -2.2, "atr", 4.0, "volume_ratio", 0.5);

  @Test
  void shouldAskTheModelWhatItLearnedFrom() {
    Experience experience = experience(false);
    ConfidenceQuery question = new ConfidenceQuery("u1", "ES", Side.LONG, SEEN, ENTRY);
    assertThat(ChallengerFeatures.names(ChallengerInputs.of(question)))
        .isEqualTo(ChallengerFeatures.names(ChallengerInputs.of(experience)));

    ChallengerModel model = ChallengerModel.withDefaults();
    ChallengerInputs.learn(model, experience);
    assertThat(model.version().experiences()).isEqualTo(1);
    assertThat(model.probability(ChallengerInputs.of(question))).isGreaterThan(0.5);
  }

  @Test
  void shouldKeepAPrivateUsersExperiencePrivate() {
    assertThat(ChallengerInputs.of(experience(true)).privateUser()).isTrue();
    ChallengerModel model = ChallengerModel.withDefaults();
    ChallengerInputs.learn(model, experience(true));
    ConfidenceQuery someoneElse = new ConfidenceQuery("u2", "ES", Side.LONG, SEEN, ENTRY);
    assertThat(model.probability(ChallengerInputs.of(someoneElse))).isEqualTo(0.5);
  }

  @Test
  void shouldGiveTheQuestionAndItsExperienceTheRegimeInForceAtTheEntry() {
    RegimeTimeline regimes = new RegimeTimeline();
    regimes.record(change("ES", "quiet", ENTRY.minusSeconds(3600)));
    regimes.record(change("ES", "volatile", ENTRY.plusSeconds(60))); // after the entry
    regimes.record(change("NQ", "trending", ENTRY.minusSeconds(60))); // another symbol
    ConfidenceQuery question = new ConfidenceQuery("u1", "ES", Side.LONG, SEEN, ENTRY);

    assertThat(ChallengerInputs.of(question, regimes).regime()).isEqualTo("quiet");
    assertThat(ChallengerInputs.of(experience(false), regimes).regime()).isEqualTo("quiet");
    assertThat(ChallengerFeatures.names(ChallengerInputs.of(question, regimes)))
        .isEqualTo(ChallengerFeatures.names(ChallengerInputs.of(experience(false), regimes)))
        .isNotEqualTo(ChallengerFeatures.names(ChallengerInputs.of(question)));
    assertThat(ChallengerInputs.of(question).regime()).isNull();
  }

  static RegimeChange change(String symbol, String regime, Instant since) {
    return new RegimeChange(symbol, regime, since, since.plusSeconds(120));
  }

  private static Experience experience(boolean privateUser) {
    return Experience.newBuilder()
        .setSignalId("s1")
        .setUserId("u1")
        .setSymbol("ES")
        .setSide(Side.LONG)
        .setSignalMatched(true)
        .setSignalTime(ENTRY)
        .setEntryTime(ENTRY)
        .setExitTime(ENTRY.plusSeconds(600))
        .setFeatures(SEEN)
        .setPnl(50.0)
        .setWin(true)
        .setExitReason("TARGET")
        .setScheme("v1")
        .setPatterns(PatternScheme.v1().patterns(ENTRY, SEEN))
        .setPrivateUser(privateUser)
        .build();
  }
}
