package io.hivemind.learning.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengerFeaturesTest {

  // 10:00 in New York (EST): the open session
  private static final Instant OPEN = Instant.parse("2026-11-10T15:00:00Z");

  @Test
  void shouldNameTheMarketSessionBucketsAndTheirCrosses() {
    TradeContext trade =
        new TradeContext(
            "u1",
            "ES",
            "LONG",
            OPEN,
            Map.of("rsi", 27.0, "vwap_z", -2.2, "atr", 4.0, "volume_ratio", 0.5));
    assertThat(ChallengerFeatures.names(trade))
        .containsExactly(
            "bias",
            "session=open",
            "market=ES/LONG",
            "market*session=ES/LONG/open",
            "rsi=5",
            "side*rsi=LONG/5",
            "market*rsi=ES/LONG/5",
            "vz=-5",
            "side*vz=LONG/-5",
            "market*vz=ES/LONG/-5",
            "market*session*rsi*vz=ES/LONG/open/5/-5",
            "market*atr=ES/LONG/4",
            "volume=-2");
  }

  @Test
  void shouldLeaveOutMissingFeaturesAndAddTheRegimeWhenKnown() {
    TradeContext bare = new TradeContext("u1", "NQ", "SHORT", OPEN, Map.of("rsi", Double.NaN));
    assertThat(ChallengerFeatures.names(bare))
        .containsExactly("bias", "session=open", "market=NQ/SHORT", "market*session=NQ/SHORT/open");
    assertThat(ChallengerFeatures.names(bare.withRegime("TRENDING")))
        .endsWith("regime=trending", "market*regime=NQ/SHORT/trending");
  }

  @Test
  void shouldHashANameToTheSameSlotEverywhere() {
    assertThat(ChallengerFeatures.slot("bias", 18)).isEqualTo(ChallengerFeatures.slot("bias", 18));
    assertThat(ChallengerFeatures.slot("bias", 18)).isBetween(0, (1 << 18) - 1);
    assertThat(ChallengerFeatures.slot("market=ES/LONG", 18))
        .isNotEqualTo(ChallengerFeatures.slot("market=ES/SHORT", 18));
  }
}
