package io.hivemind.bench.quality;

import io.hivemind.bench.BenchmarkFailed;
import io.hivemind.bench.Stack;
import io.hivemind.bench.keys.BenchKeys;
import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.learning.model.ChallengerSettings;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.learning.score.Calibration;
import io.hivemind.rules.model.ChallengerInputs;
import io.hivemind.schema.Experience;
import io.hivemind.schema.GroupLag;
import io.hivemind.schema.Topics;
import io.hivemind.simulator.bot.BotClient;
import io.hivemind.simulator.bot.RetryPolicy;
import io.hivemind.simulator.bot.StopSignal;
import io.hivemind.simulator.fleet.FleetSettings;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.score.FleetTally;
import io.hivemind.simulator.score.RegimeAccuracy;
import io.hivemind.simulator.world.MarketWorld;
import io.hivemind.simulator.world.Opportunity;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Learning quality: how well the served confidence matches the simulator's hidden truth after the
 * stack has learned 1k, 10k and 100k experiences. A fleet's trades are posted through the gateway
 * as bots' offline batches; every 50th opportunity is held out as a probe the stack never learns
 * from. At each checkpoint, once the learner and the query service have caught up, every probe is
 * asked of {@code /api/ml/win_probability} and scored against its true probability and its drawn
 * outcome, beside the challenger (learned here from the same experiences, in the same order: it is
 * not served yet), the oracle (the true probability itself) and a constant-rate baseline (the win
 * rate of everything learned so far), in one table with each model's Brier skill score.
 *
 * <p>Every simulated user posts and asks with an elite API key of its own ({@link BenchKeys}).
 *
 * <p>Run it on a clean stack ({@code ./hivemind up --clean}): the community statistics of earlier
 * runs would otherwise be part of every answer. Options: {@code --bots} (default 1000), {@code
 * --seed} (default 7), {@code --probes} (default 2000), {@code --checkpoints} (default
 * 1000,10000,100000), {@code --sample} (spread or earliest, see {@link Sample}).
 */
public final class QualityBenchmark {

  static final String NAME = "quality";

  /** {@code --sample}: see {@link Sample#spread} and {@link Sample#draw}. */
  public static final String SPREAD = "spread";

  public static final String EARLIEST = "earliest";

  private static final int HOLD_OUT_EVERY = 50;
  private static final Duration CATCH_UP = Duration.ofMinutes(10);

  /**
   * What to measure: the simulated users and the world's seed, the held-out probes, the numbers of
   * experiences learned at which the probes are asked, and how the sample is drawn ({@link #SPREAD}
   * or {@link #EARLIEST}).
   */
  public record Settings(
      int bots, long seed, int probes, List<Integer> checkpoints, String sample) {

    public Settings {
      checkpoints = List.copyOf(checkpoints);
    }
  }

  /**
   * Posts the sample's experiences checkpoint by checkpoint and prints the table of every model.
   *
   * @throws BenchmarkFailed when the world has too few experiences or probes for the settings, or
   *     the stack does not accept the users' keys
   */
  public void run(Stack stack, Settings settings) throws Exception {
    int bots = settings.bots();
    long seed = settings.seed();
    int probeCount = settings.probes();
    int[] checkpoints =
        settings.checkpoints().stream().mapToInt(Integer::intValue).sorted().toArray();
    int experiencesNeeded = checkpoints[checkpoints.length - 1];

    // the newest events a few minutes old, the oldest within the gateway's 30-day bound
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
    Instant start = end.minus(Duration.ofDays(25));
    MarketWorld world = new MarketWorld(new FleetSettings(seed, bots, start, end, 0.0));
    String sampling = settings.sample();
    Sample sample =
        switch (sampling) {
          case SPREAD -> Sample.spread(world, experiencesNeeded, probeCount, seed);
          case EARLIEST -> Sample.draw(world, experiencesNeeded, probeCount);
          default ->
              throw new IllegalArgumentException(
                  "--sample must be spread or earliest, was " + sampling);
        };
    List<Opportunity> experiences = sample.experiences();
    List<Opportunity> probes = sample.probes();
    if (experiences.size() < experiencesNeeded || probes.size() < probeCount) {
      throw new BenchmarkFailed(
          String.format(
              "%d bots over 25 days give only %d experiences and %d probes; raise --bots",
              bots, experiences.size(), probes.size()));
    }
    System.out.printf(
        "quality: %d bots, seed %d, %d experiences to learn (%s), %d held-out probes%n",
        bots, seed, experiencesNeeded, sampling, probeCount);

    Topics topics = new Topics(stack.topicPrefix());
    ModelTable table = new ModelTable();
    // not served yet (ADR 22): learned here from the very experiences posted, in the same order
    ChallengerModel challenger = new ChallengerModel(ChallengerSettings.defaults());
    List<String> users = world.fleet().users().stream().map(SimulatedUser::userId).toList();
    BenchKeys keys =
        BenchKeys.mint(stack.kafka(), NAME, users, System.out)
            .awaitAccepted(stack.gateway(), stack.query(), System.out);
    HttpClient http = BotClient.newHttpClient();
    FleetTally tally = new FleetTally();
    StopSignal stop = new StopSignal();
    Map<String, BotClient> clients = new HashMap<>();
    for (String user : users) {
      clients.put(
          user,
          new BotClient(
              http,
              URI.create(stack.gateway()),
              URI.create(stack.query()),
              keys.keyOf(user),
              RetryPolicy.defaults(),
              tally,
              stop));
    }
    try (EventPoster poster = new EventPoster(clients::get);
        ProbeAsker asker = new ProbeAsker(clients::get);
        GroupLag lag = new GroupLag(stack.bootstrap())) {
      int posted = 0;
      long wins = 0;
      for (int checkpoint : checkpoints) {
        List<Opportunity> batch = sample.inTimeOrder(posted, checkpoint);
        poster.postAll(batch);
        for (Opportunity trade : batch) {
          Experience experience = QualityTrades.experience(trade);
          ChallengerInputs.learn(challenger, experience);
          wins += experience.getWin() ? 1 : 0;
        }
        posted = checkpoint;
        System.out.printf("  %d experiences posted; waiting for the learner%n", posted);
        lag.awaitCaughtUp(
            "hivemind-learner", List.of(topics.signals, topics.outcomes), CATCH_UP, l -> {});
        lag.awaitCaughtUp(
            "hivemind-confidence-query", List.of(topics.userStats), CATCH_UP, l -> {});
        List<Double> served = asker.askAll(probes);
        table.add(posted, scores(probes, served, wins / (double) posted, challenger));
        table.lastLines().forEach(System.out::println);
      }
    }
    System.out.println();
    System.out.printf(
        "learning quality on %d held-out probes: pattern = served by the stack; challenger = %s,"
            + " learned here from the same experiences in the order posted (the stack's trainer"
            + " learns them too, with the regimes it has seen; ADR 22)%n",
        probeCount, challenger.version().name());
    table.lines().forEach(System.out::println);
    System.out.println();
    table.printReliability(System.out, PATTERN);
    System.out.println();
    RegimeAccuracy.Result regimes =
        RegimeAccuracy.measure(
            RegimeClassifier.standard(),
            List.of(seed),
            Instrument.all(),
            start,
            (int) Duration.between(start, end).toDays(),
            REGIME_WARMUP_DAYS);
    System.out.printf(
        "market regime accuracy on this world's minutes (seed %d, every instrument, scored after"
            + " %d days of warm-up; the simulator's true regimes): %.3f%n",
        seed, REGIME_WARMUP_DAYS, regimes.accuracy());
    System.out.print(regimes.table());
  }

  /** Days of minutes the regime classifier reads before it is scored (its norms per session). */
  private static final int REGIME_WARMUP_DAYS = 3;

  private static final String PATTERN = "pattern";

  /** The probes scored: the constant rate, the served answers, the challenger, the truth. */
  static List<ModelTable.Row> scores(
      List<Opportunity> probes, List<Double> served, double constantRate, ChallengerModel model) {
    Calibration constant = new Calibration();
    Calibration pattern = new Calibration();
    Calibration challenger = new Calibration();
    Calibration oracle = new Calibration();
    for (int i = 0; i < probes.size(); i++) {
      Opportunity probe = probes.get(i);
      double truth = probe.trueWinProbability();
      constant.record(constantRate, truth, probe.wins());
      pattern.record(served.get(i), truth, probe.wins());
      challenger.record(
          model.probability(ChallengerInputs.of(QualityTrades.query(probe))), truth, probe.wins());
      oracle.record(truth, truth, probe.wins());
    }
    return List.of(
        new ModelTable.Row(ModelTable.CONSTANT, constant),
        new ModelTable.Row(PATTERN, pattern),
        new ModelTable.Row("challenger", challenger),
        new ModelTable.Row(ModelTable.ORACLE, oracle));
  }

  /**
   * The experiences to learn and the probes to ask. Every 50th of the world's opportunities in time
   * order is a probe candidate and never learned; {@code probeCount} of them, evenly spaced, are
   * asked. The experiences are drawn in one of two ways:
   *
   * <ul>
   *   <li>{@link #spread}, the default: a seeded shuffle of all the others, so that every
   *       checkpoint learns a uniform sample of the same 25 days the probes are asked about;
   *   <li>{@link #draw} ({@code --sample earliest}): the earliest ones. With a thousand users
   *       taking every signal of a market, 10,000 of them are the first 17 hours of the world while
   *       the probes run over a week: the bench then measures how a day's learning carries to the
   *       next week, not the estimator (ADR 20).
   * </ul>
   */
  record Sample(List<Opportunity> experiences, List<Opportunity> probes) {

    static Sample draw(MarketWorld world, int experienceCount, int probeCount) {
      List<Opportunity> experiences = new ArrayList<>(experienceCount);
      List<Opportunity> probes = new ArrayList<>(probeCount);
      Iterator<Opportunity> opportunities = world.opportunities();
      long seen = 0;
      while (opportunities.hasNext()
          && (experiences.size() < experienceCount || probes.size() < probeCount)) {
        Opportunity opportunity = opportunities.next();
        if (seen++ % HOLD_OUT_EVERY == 0 && probes.size() < probeCount) {
          probes.add(opportunity);
        } else if (experiences.size() < experienceCount) {
          experiences.add(opportunity);
        }
      }
      return new Sample(experiences, probes);
    }

    static Sample spread(MarketWorld world, int experienceCount, int probeCount, long seed) {
      List<Opportunity> candidates = new ArrayList<>();
      List<Opportunity> others = new ArrayList<>();
      Iterator<Opportunity> opportunities = world.opportunities();
      for (long seen = 0; opportunities.hasNext(); seen++) {
        Opportunity opportunity = opportunities.next();
        (seen % HOLD_OUT_EVERY == 0 ? candidates : others).add(opportunity);
      }
      List<Opportunity> probes = new ArrayList<>(probeCount);
      int asked = Math.min(probeCount, candidates.size());
      for (int i = 0; i < asked; i++) {
        probes.add(candidates.get((int) ((long) i * candidates.size() / asked)));
      }
      Collections.shuffle(others, new Random(seed));
      return new Sample(
          List.copyOf(others.subList(0, Math.min(experienceCount, others.size()))), probes);
    }

    /** The experiences from {@code from} to {@code to} in time order, as bots would post them. */
    List<Opportunity> inTimeOrder(int from, int to) {
      List<Opportunity> slice = new ArrayList<>(experiences.subList(from, to));
      slice.sort(Comparator.comparing(Opportunity::signalTime));
      return slice;
    }
  }
}
