package io.hivemind.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelExperimentTest {

  @Test
  void shouldServeNobodyTheChallengerWhenItIsOff() {
    ModelExperiment off = ModelExperiment.patternOnly();

    assertThat(IntStream.range(0, 1000).filter(i -> off.servesChallenger("u" + i, "elite", false)))
        .isEmpty();
  }

  @Test
  void shouldServeTheShareOfUsersItNamesAlwaysTheSameOnes() {
    ModelExperiment experiment = new ModelExperiment(0.3, Set.of());

    long served =
        IntStream.range(0, 20_000)
            .filter(i -> experiment.servesChallenger("user-" + i, "basic", false))
            .count();

    assertThat(served / 20_000.0).isCloseTo(0.3, within(0.015));
    ModelExperiment again = new ModelExperiment(0.3, Set.of());
    assertThat(
            IntStream.range(0, 2_000)
                .allMatch(
                    i ->
                        experiment.servesChallenger("user-" + i, "basic", false)
                            == again.servesChallenger("user-" + i, "basic", false)))
        .isTrue();
  }

  @Test
  void shouldKeepAUserOnTheChallengerAsTheShareGrows() {
    ModelExperiment small = new ModelExperiment(0.1, Set.of());
    ModelExperiment large = new ModelExperiment(0.5, Set.of());

    assertThat(
            IntStream.range(0, 5_000)
                .filter(i -> small.servesChallenger("u" + i, "basic", false))
                .allMatch(i -> large.servesChallenger("u" + i, "basic", false)))
        .isTrue();
  }

  @Test
  void shouldServeATierTheChallengerWhateverTheShare() {
    ModelExperiment experiment = new ModelExperiment(0, Set.of("elite"));

    assertThat(experiment.servesChallenger("u1", "elite", false)).isTrue();
    assertThat(experiment.servesChallenger("u1", "pro", false)).isFalse();
    assertThat(experiment.servesChallenger("u1", null, false)).isFalse();
  }

  @Test
  void shouldServeACanaryUserTheChallengerAndNobodyElse() {
    ModelExperiment canary = new ModelExperiment(0, Set.of(), Set.of("beta-tester"));

    assertThat(canary.servesChallenger("beta-tester", "basic", false)).isTrue();
    assertThat(canary.servesChallenger("beta-tester", "basic", true)).isFalse();
    assertThat(
            IntStream.range(0, 1000).filter(i -> canary.servesChallenger("u" + i, "basic", false)))
        .isEmpty();
  }

  @Test
  void shouldNeverServeAPrivateUserTheChallenger() {
    ModelExperiment everyone = new ModelExperiment(1, Set.of("basic"));

    assertThat(everyone.servesChallenger("u1", "basic", true)).isFalse();
    assertThat(everyone.servesChallenger("u1", "basic", false)).isTrue();
  }

  @Test
  void shouldRefuseAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> new ModelExperiment(1.5, Set.of()))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> new ModelExperiment(Double.NaN, Set.of()))
        .hasMessageContaining("between 0 and 1");
  }
}
