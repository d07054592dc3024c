package io.hivemind.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetGrowthTest {

  private final KAnonymity k5 = AnalyticsSettings.DEFAULTS.kAnonymity();

  @Test
  void shouldShowCountsOfUsersAndBotsAndWithholdTradeFiguresUnderK() {
    FleetGrowth growth =
        FleetGrowth.of(new Tally(120, 70, 900.0, 6), new Tally(9, 5, 40.0, 3), 4, k5);
    assertThat(growth.experiencesLearned()).isEqualTo(new CommunityFigure.Shown<>(120L, 6));
    assertThat(growth.users()).isEqualTo(6);
    assertThat(growth.usersToday()).isEqualTo(3);
    assertThat(growth.today()).isInstanceOf(CommunityFigure.Withheld.class);
    assertThat(growth.activeBots()).isEqualTo(4);
  }

  @Test
  void shouldWithholdEverythingComputedFromNoTradesAtAll() {
    FleetGrowth growth = FleetGrowth.of(null, null, 0, k5);
    assertThat(growth.experiencesLearned()).isInstanceOf(CommunityFigure.Withheld.class);
    assertThat(growth.users()).isZero();
  }

  @Test
  void shouldReadTheDefaultsOfTheIssue() {
    assertThat(AnalyticsSettings.DEFAULTS.rankMinTrades()).isEqualTo(20);
    assertThat(AnalyticsSettings.DEFAULTS.minUsers()).isEqualTo(5);
    assertThat(AnalyticsSettings.DEFAULTS.activeWindow()).hasMinutes(3);
  }
}
