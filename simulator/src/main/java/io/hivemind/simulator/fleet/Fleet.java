package io.hivemind.simulator.fleet;

import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.random.Seeds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated users of one seed. Each user is drawn from its own (seed, index) stream, so user 7
 * is the same person in a fleet of 10 and in a fleet of 1,000.
 */
public final class Fleet {

  static final double SKILL_SIGMA = 0.4;
  // from bots that take nearly every signal to choosy ones: with no evidence the service answers
  // about 0.5, so the less choosy half trades (and teaches the hive) from the start
  static final double MIN_THRESHOLD = 0.42;
  static final double MAX_THRESHOLD = 0.58;

  private final FleetSettings settings;
  private final List<SimulatedUser> users;

  private Fleet(FleetSettings settings, List<SimulatedUser> users) {
    this.settings = settings;
    this.users = List.copyOf(users);
  }

  public static Fleet of(FleetSettings settings) {
    return new Fleet(settings, users(settings.seed(), settings.bots()));
  }

  /** The users of a fleet of {@code bots} for {@code seed}, whatever its time range. */
  public static List<SimulatedUser> users(long seed, int bots) {
    List<SimulatedUser> users = new ArrayList<>(bots);
    for (int index = 0; index < bots; index++) {
      users.add(user(seed, index));
    }
    return users;
  }

  public FleetSettings settings() {
    return settings;
  }

  public List<SimulatedUser> users() {
    return users;
  }

  /** The users whose bots trade {@code symbol}, in fleet order. */
  public List<SimulatedUser> usersTrading(String symbol) {
    return users.stream().filter(user -> user.trades(symbol)).toList();
  }

  static SimulatedUser user(long seed, int index) {
    String prefix = "user/" + index + "/";
    double skill = SKILL_SIGMA * Seeds.gaussian(seed, prefix + "skill");
    double threshold =
        round2(
            MIN_THRESHOLD
                + (MAX_THRESHOLD - MIN_THRESHOLD) * Seeds.uniform(seed, prefix + "threshold"));
    return new SimulatedUser(
        userId(seed, index),
        index,
        skill,
        threshold,
        symbols(Seeds.random(seed, prefix + "symbols")),
        tier(Seeds.uniform(seed, prefix + "tier")));
  }

  /** Like the seed bot's {@code md5(username)[:12]}, with a username made of the seed and index. */
  static String userId(long seed, int index) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest(("sim-user-" + seed + "-" + index).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  /** Two or three symbols, listed in the instruments' order. */
  private static List<String> symbols(SplittableRandom random) {
    List<Instrument> shuffled = new ArrayList<>(Instrument.all());
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      shuffled.set(i, shuffled.set(j, shuffled.get(i)));
    }
    int count = 2 + random.nextInt(2);
    return shuffled.subList(0, count).stream().sorted().map(Instrument::symbol).toList();
  }

  private static String tier(double draw) {
    if (draw < 0.6) {
      return "basic";
    }
    return draw < 0.9 ? "pro" : "elite";
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
