package io.hivemind.bench.scoring;

import io.hivemind.bench.report.Rounds;
import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceModel;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.answer.PriorFitter;
import io.hivemind.rules.learn.PatternLearner;
import io.hivemind.rules.model.ChallengerInputs;
import io.hivemind.rules.model.ModelExperiment;
import io.hivemind.rules.model.RegimeTimeline;
import io.hivemind.rules.model.ServedAnswer;
import io.hivemind.schema.Experience;
import io.hivemind.schema.RegimeChange;
import io.hivemind.schema.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the challenger adds to each answer (ADR 22), measured in one JVM without a stack: the
 * query's in-memory work for one answer (the pattern model's estimate from learned statistics, then
 * {@link ServedAnswer}) with no challenger loaded (the baseline), with the challenger scored in
 * shadow, and with it served. The three run interleaved, round after round, on the same questions,
 * after learning the same experiences; each figure is the median of the rounds. The service's
 * answer costs more than this (the key check, the store reads, HTTP): {@code ./hivemind bench
 * query} gives that whole figure.
 *
 * <p>Options: {@code --experiences N} (default 100000), {@code --questions N} (default 20000),
 * {@code --rounds N} (default 7).
 */
public final class ScoringBenchmark {

  private static final Instant START = Instant.parse("2026-11-02T14:30:00Z");
  private static final List<String> SYMBOLS = List.of("ES", "NQ", "CL", "GC", "YM", "RTY");
  private static final List<String> REGIMES = List.of("trending", "choppy", "volatile", "quiet");

  /** The experiences learned first, the questions each variant answers a round, the rounds. */
  public record Settings(int experiences, int questions, int rounds) {}

  /** Learns the experiences, runs the rounds and prints each variant's median. */
  public void run(Settings settings) {
    int experiences = settings.experiences();
    int questions = settings.questions();
    int rounds = settings.rounds();
    SplittableRandom random = new SplittableRandom(7);
    PatternLearner learner = new PatternLearner(Duration.ofHours(720));
    ChallengerModel challenger = ChallengerModel.withDefaults();
    RegimeTimeline regimes = new RegimeTimeline();
    for (String symbol : SYMBOLS) {
      for (int day = 0; day < 30; day++) {
        Instant since = START.plus(Duration.ofDays(day));
        regimes.record(new RegimeChange(symbol, REGIMES.get(random.nextInt(4)), since, since));
      }
    }
    long learning = System.nanoTime();
    for (int i = 0; i < experiences; i++) {
      Experience experience = experience(random, i, experiences);
      learner.learn(experience);
      ChallengerInputs.learn(challenger, experience, regimes);
    }
    System.out.printf(
        "learned %,d experiences (1,000 users, %d symbols) into the pattern statistics and the"
            + " challenger in %.1f s%n",
        experiences, SYMBOLS.size(), (System.nanoTime() - learning) / 1e9);
    List<ConfidenceQuery> asked = new ArrayList<>(questions);
    for (int i = 0; i < questions; i++) {
      asked.add(query(random, experiences));
    }
    ConfidenceModel pattern = ConfidenceModel.v1(ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS);
    ModelExperiment everyone = new ModelExperiment(1, Set.of());
    PriorFitter fixed = PriorFitter.served(ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS);
    PriorFitter fitted = learner.stats().priors();
    Variant alone =
        variant(pattern, learner, fixed, Optional.empty(), ModelExperiment.patternOnly(), regimes);
    Variant priors =
        variant(pattern, learner, fitted, Optional.empty(), ModelExperiment.patternOnly(), regimes);
    Variant shadow =
        variant(
            pattern,
            learner,
            fitted,
            Optional.of(challenger),
            ModelExperiment.patternOnly(),
            regimes);
    Variant served = variant(pattern, learner, fitted, Optional.of(challenger), everyone, regimes);
    List<Variant> variants = List.of(alone, priors, shadow, served);
    double[][] nanos = new double[variants.size()][rounds];
    double sink = 0;
    for (int warm = 0; warm < 3; warm++) {
      for (Variant variant : variants) {
        sink += time(variant, asked)[1];
      }
    }
    for (int round = 0; round < rounds; round++) {
      for (int v = 0; v < variants.size(); v++) {
        double[] timed = time(variants.get(v), asked);
        nanos[v][round] = timed[0];
        sink += timed[1];
      }
    }
    double base = Rounds.median(nanos[0]);
    System.out.printf(
        "%nper answer, median of %d rounds of %,d questions (in memory: estimate + served answer)%n",
        rounds, questions);
    System.out.printf(
        "  %-44s %8.2f µs%n", "pattern model alone, fixed priors (baseline)", base / 1000);
    String[] names = {
      "pattern model alone, fitted priors (served)",
      "pattern (fitted) + challenger in shadow",
      "challenger served (pattern beside it)"
    };
    for (int v = 1; v < variants.size(); v++) {
      System.out.printf(
          "  %-44s %8.2f µs  (+%.2f µs, %.2fx)%n",
          names[v - 1],
          Rounds.median(nanos[v]) / 1000,
          (Rounds.median(nanos[v]) - base) / 1000,
          Rounds.median(nanos[v]) / base);
    }
    System.out.printf("  (checksum %.3f)%n", sink);
  }

  private interface Variant {
    ServedAnswer answer(ConfidenceQuery query);
  }

  /** The query's in-memory work for one answer, with this challenger (if any) and this switch. */
  private static Variant variant(
      ConfidenceModel pattern,
      PatternLearner learner,
      PriorFitter priors,
      Optional<ChallengerModel> challenger,
      ModelExperiment experiment,
      RegimeTimeline regimes) {
    return query ->
        ServedAnswer.of(
            query,
            "elite",
            pattern.answer(query, learner.stats(), priors),
            challenger,
            experiment,
            regimes);
  }

  /** [nanoseconds per answer, a checksum that keeps the work from being optimised away]. */
  private static double[] time(Variant variant, List<ConfidenceQuery> asked) {
    double sum = 0;
    long started = System.nanoTime();
    for (ConfidenceQuery query : asked) {
      ServedAnswer served = variant.answer(query);
      ConfidenceAnswer answer = served.answer();
      sum += answer.confidence().probability() + served.predictions().size();
    }
    return new double[] {(System.nanoTime() - started) / (double) asked.size(), sum};
  }

  private static Map<String, Double> features(SplittableRandom random) {
    return Map.of(
        "rsi", 10 + 80 * random.nextDouble(),
        "vwap_z", -3 + 6 * random.nextDouble(),
        "atr", 1 + 9 * random.nextDouble(),
        "volume_ratio", 0.3 + 2.5 * random.nextDouble());
  }

  private static Instant time(SplittableRandom random, int index, int of) {
    return START
        .plusMillis((long) (Duration.ofDays(25).toMillis() * (index / (double) of)))
        .plusSeconds(random.nextInt(6 * 3600));
  }

  private static Experience experience(SplittableRandom random, int index, int of) {
    Instant entry = time(random, index, of);
    Map<String, Double> seen = features(random);
    boolean win = random.nextDouble() < 0.5;
    return Experience.newBuilder()
        .setSignalId("s" + index)
        .setUserId("u" + random.nextInt(1000))
        .setSymbol(SYMBOLS.get(random.nextInt(SYMBOLS.size())))
        .setSide(random.nextBoolean() ? Side.LONG : Side.SHORT)
        .setSignalMatched(true)
        .setSignalTime(entry)
        .setEntryTime(entry)
        .setExitTime(entry.plusSeconds(900))
        .setFeatures(seen)
        .setPnl(win ? 25 : -25)
        .setWin(win)
        .setExitReason(win ? "TARGET" : "STOP")
        .setScheme("v1")
        .setPatterns(PatternScheme.v1().patterns(entry, seen))
        .setPrivateUser(false)
        .build();
  }

  private static ConfidenceQuery query(SplittableRandom random, int of) {
    return new ConfidenceQuery(
        "u" + random.nextInt(1000),
        SYMBOLS.get(random.nextInt(SYMBOLS.size())),
        random.nextBoolean() ? Side.LONG : Side.SHORT,
        features(random),
        time(random, random.nextInt(of), of));
  }
}
