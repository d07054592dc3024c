package io.hivemind.simulator.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryRuleTest {

  private final EntryRule rule = new EntryRule(VwapRsiStrategy.Settings.seed());

  @Test
  void shouldGoLongExactlyAtTheLowerBandAndOversoldRsi() {
    assertThat(rule.evaluate(-2.1, 35)).contains(TradeSide.LONG);
  }

  @Test
  void shouldGoShortExactlyAtTheUpperBandAndOverboughtRsi() {
    assertThat(rule.evaluate(2.1, 65)).contains(TradeSide.SHORT);
  }

  @Test
  void shouldNotEnterJustInsideEitherThreshold() {
    assertThat(rule.evaluate(-2.0999, 30)).isEmpty();
    assertThat(rule.evaluate(-2.5, 35.01)).isEmpty();
    assertThat(rule.evaluate(2.0999, 70)).isEmpty();
    assertThat(rule.evaluate(2.5, 64.99)).isEmpty();
  }

  @Test
  void shouldNotMixTheSides() {
    assertThat(rule.evaluate(-2.5, 70)).isEmpty();
    assertThat(rule.evaluate(2.5, 30)).isEmpty();
  }

  @Test
  void shouldNotEnterBeyondTheStopBand() {
    assertThat(rule.evaluate(-3.7, 20)).isEmpty();
    assertThat(rule.evaluate(3.75, 80)).isEmpty();
  }

  @Test
  void shouldEnterOncePerExcursion() {
    assertThat(rule.evaluate(-2.2, 30)).contains(TradeSide.LONG);
    assertThat(rule.evaluate(-2.6, 25)).isEmpty();
    assertThat(rule.evaluate(-1.5, 40)).isEmpty(); // back toward VWAP, not yet within 1 std
    assertThat(rule.evaluate(-2.3, 30)).isEmpty();
    assertThat(rule.evaluate(-0.9, 45)).isEmpty(); // excursion over: rearmed
    assertThat(rule.evaluate(-2.3, 30)).contains(TradeSide.LONG);
  }

  @Test
  void shouldKeepTheOtherSideArmed() {
    assertThat(rule.evaluate(-2.2, 30)).contains(TradeSide.LONG);
    assertThat(rule.evaluate(2.2, 70)).contains(TradeSide.SHORT);
  }

  @Test
  void shouldRearmAtANewSession() {
    assertThat(rule.evaluate(2.2, 70)).contains(TradeSide.SHORT);
    assertThat(rule.evaluate(2.4, 70)).isEmpty();
    rule.rearm();
    assertThat(rule.evaluate(2.4, 70)).contains(TradeSide.SHORT);
  }
}
