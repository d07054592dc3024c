package io.hivemind.replay.settings;

import io.hivemind.replay.settings.WalkForwardSettings.Objective;
import io.hivemind.replay.settings.WalkForwardSettings.WindowMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Turns a {@link WalkForwardRequest} into {@link WalkForwardSettings}, or says everything wrong
 * with it at once, each reason naming its field. The fields a replay has too (range, users,
 * symbols, thresholds, half-lives, schemes, join horizon) are checked by {@link SettingsValidator},
 * the same rules as {@code ./hivemind replay}.
 */
public final class WalkForwardValidator {

  /** Enough for a year of daily out-of-sample windows. */
  static final int MAX_WINDOWS = 366;

  static final int DEFAULT_MIN_TRADES = 10;
  static final int MAX_MIN_TRADES = 1_000_000;

  /** The models a replay can answer with. */
  private static final List<String> MODELS = ReplaySettings.MODELS;

  private WalkForwardValidator() {}

  public static WalkForwardSettings validate(WalkForwardRequest request) {
    List<Violation> violations = new ArrayList<>();
    ReplaySettings shared = null;
    try {
      shared =
          SettingsValidator.validate(
              new ReplayRequest(
                  request.from(),
                  request.to(),
                  request.users(),
                  request.symbols(),
                  request.thresholds(),
                  request.halfLives(),
                  request.schemes(),
                  request.joinHorizon()));
    } catch (InvalidSettingsException e) {
      violations.addAll(e.violations());
    }
    Duration inSample = window("in_sample", request.inSample(), "7d", violations);
    Duration outOfSample = window("out_of_sample", request.outOfSample(), "1d", violations);
    Duration step = outOfSample;
    if (request.step() != null) {
      step = window("step", request.step(), "1d", violations);
      if (step != null && outOfSample != null && step.compareTo(outOfSample) < 0) {
        violations.add(
            new Violation(
                "step",
                "must be at least out_of_sample ("
                    + Durations.format(outOfSample)
                    + "): out-of-sample windows must not overlap, each trade is judged once"));
      }
    }
    WindowMode mode = choice("windows", request.windows(), WindowMode.ROLLING, violations);
    Objective objective = choice("objective", request.objective(), Objective.PNL, violations);
    List<String> models = models(request.models(), violations);
    int minTrades = DEFAULT_MIN_TRADES;
    if (request.minTrades() != null) {
      minTrades = request.minTrades();
      if (minTrades < 0 || minTrades > MAX_MIN_TRADES) {
        violations.add(
            new Violation("min_trades", "must be a whole number from 0 to " + MAX_MIN_TRADES));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidSettingsException(violations);
    }
    WalkForwardSettings settings =
        new WalkForwardSettings(
            shared.from(),
            shared.to(),
            shared.users(),
            shared.symbols(),
            inSample,
            outOfSample,
            step,
            mode,
            shared.thresholds(),
            shared.halfLives(),
            shared.schemes(),
            models,
            objective,
            minTrades,
            shared.joinHorizon());
    long windows = settings.windowCount();
    if (windows == 0) {
      throw new InvalidSettingsException(
          "to",
          "the range "
              + shared.from()
              + " to "
              + shared.to()
              + " holds no whole window: it must last at least in_sample + out_of_sample ("
              + Durations.format(inSample.plus(outOfSample))
              + ")");
    }
    if (windows > MAX_WINDOWS) {
      throw new InvalidSettingsException(
          "step",
          "the range holds "
              + windows
              + " windows; at most "
              + MAX_WINDOWS
              + ": a longer step or a shorter range");
    }
    return settings;
  }

  private static Duration window(
      String field, String text, String example, List<Violation> violations) {
    if (text == null || text.isBlank()) {
      violations.add(new Violation(field, "is required: a duration like " + example));
      return null;
    }
    Duration duration = Durations.parse(text);
    if (duration == null || duration.isZero()) {
      violations.add(
          new Violation(
              field, "'" + text + "' is not a duration like " + example + " (d, h, m, s)"));
      return null;
    }
    return duration;
  }

  private static <E extends Enum<E>> E choice(
      String field, String text, E fallback, List<Violation> violations) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    for (E value : fallback.getDeclaringClass().getEnumConstants()) {
      if (value.name().toLowerCase(Locale.ROOT).equals(text.trim())) {
        return value;
      }
    }
    List<String> known = new ArrayList<>();
    for (E value : fallback.getDeclaringClass().getEnumConstants()) {
      known.add(value.name().toLowerCase(Locale.ROOT));
    }
    violations.add(new Violation(field, "unknown " + field + " '" + text + "'; known: " + known));
    return fallback;
  }

  private static List<String> models(List<String> requested, List<Violation> violations) {
    if (requested == null || requested.isEmpty()) {
      return List.of(ReplaySettings.PATTERN_MODEL);
    }
    TreeSet<String> models = new TreeSet<>();
    for (String model : requested) {
      String name = model == null ? "" : model.trim();
      if (MODELS.contains(name)) {
        models.add(name);
      } else {
        violations.add(
            new Violation("models", "unknown model '" + name + "'; this build replays " + MODELS));
      }
    }
    return List.copyOf(models);
  }
}
