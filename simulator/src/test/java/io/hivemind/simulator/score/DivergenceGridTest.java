package io.hivemind.simulator.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.simulator.fleet.FleetSettings;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.world.MarketWorld;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DivergenceGridTest {

  @Test
  void shouldAskAboutPatternsOfOneMarketAndSessionAcrossUsersOfDifferentSkill() {
    MarketWorld world =
        new MarketWorld(
            FleetSettings.of(
                42,
                30,
                Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-07T00:00:00Z")));
    PatternObservations observations = new PatternObservations();
    world.stream().forEach(observations::record);

    DivergenceGrid grid =
        DivergenceGrid.choose(observations, world.fleet(), world.truth(), 5, 4).orElseThrow();

    assertThat(grid.columns()).hasSize(4);
    String session = grid.columns().get(0).pattern().split("/")[1];
    assertThat(grid.columns())
        .allMatch(column -> column.pattern().startsWith("v1/" + session + "/"))
        .extracting(DivergenceGrid.Column::pattern)
        .doesNotHaveDuplicates();
    assertThat(grid.users())
        .hasSize(5)
        .isSortedAccordingTo(Comparator.comparingDouble(SimulatedUser::skill));
    assertThat(grid.users()).allMatch(user -> user.trades(grid.symbol()));
    SimulatedUser someone = grid.users().get(2);
    List<Double> truths =
        grid.columns().stream().map(column -> grid.truth(world.truth(), someone, column)).toList();
    assertThat(truths).isSorted();
    assertThat(truths.get(3) - truths.get(0)).isGreaterThan(0.1);
    // each column's features fall in its pattern at the grid's time
    for (DivergenceGrid.Column column : grid.columns()) {
      assertThat(
              world
                  .truth()
                  .situation(grid.symbol(), grid.side(), grid.time(), column.features())
                  .pattern())
          .isEqualTo(column.pattern());
    }
  }

  @Test
  void shouldSpreadPicksEvenlyWithTheEndsIncluded() {
    assertThat(DivergenceGrid.spread(List.of(1, 2, 3, 4, 5, 6, 7), 4)).containsExactly(1, 3, 5, 7);
    assertThat(DivergenceGrid.spread(List.of(1, 2), 4)).containsExactly(1, 2);
  }
}
