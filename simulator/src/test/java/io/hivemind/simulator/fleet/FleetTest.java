package io.hivemind.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.simulator.market.Instrument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-08T00:00:00Z");

  private static Fleet fleet(long seed, int bots) {
    return Fleet.of(FleetSettings.of(seed, bots, START, END));
  }

  @Test
  void shouldHashUserIdsLikeTheSeedBots() throws Exception {
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("MD5")
                    .digest("sim-user-42-3".getBytes(StandardCharsets.UTF_8)))
            .substring(0, 12);
    assertThat(fleet(42, 5).users().get(3).userId()).isEqualTo(expected).hasSize(12);
  }

  @Test
  void shouldKeepAUserTheSameWhateverTheFleetSize() {
    assertThat(fleet(42, 10).users().get(7)).isEqualTo(fleet(42, 1000).users().get(7));
    assertThat(fleet(43, 10).users().get(7)).isNotEqualTo(fleet(42, 10).users().get(7));
  }

  @Test
  void shouldDrawUsersWithinTheirRanges() {
    List<SimulatedUser> users = fleet(42, 2000).users();
    for (SimulatedUser user : users) {
      assertThat(user.threshold()).isBetween(Fleet.MIN_THRESHOLD, Fleet.MAX_THRESHOLD);
      assertThat(user.symbols()).hasSizeBetween(2, 3).doesNotHaveDuplicates();
      assertThat(user.symbols())
          .allMatch(symbol -> Instrument.all().stream().anyMatch(i -> i.symbol().equals(symbol)));
      assertThat(user.tier()).isIn("basic", "pro", "elite");
    }
    double mean = users.stream().mapToDouble(SimulatedUser::skill).average().orElseThrow();
    double sd =
        Math.sqrt(
            users.stream().mapToDouble(u -> (u.skill() - mean) * (u.skill() - mean)).sum()
                / users.size());
    assertThat(mean).isCloseTo(0, within(0.05));
    assertThat(sd).isCloseTo(0.4, within(0.04));
    assertThat(users.stream().map(SimulatedUser::tier).distinct()).hasSize(3);
  }

  @Test
  void shouldListTheTradersOfASymbol() {
    Fleet fleet = fleet(42, 50);
    assertThat(fleet.usersTrading("ES"))
        .isNotEmpty()
        .allMatch(user -> user.symbols().contains("ES"))
        .hasSize((int) fleet.users().stream().filter(u -> u.trades("ES")).count());
  }
}
