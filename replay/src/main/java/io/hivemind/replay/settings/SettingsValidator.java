package io.hivemind.replay.settings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a {@link ReplayRequest} into {@link ReplaySettings}, or says everything wrong with it at
 * once. Lists are sorted and deduplicated so that the same question always has the same run card.
 */
public final class SettingsValidator {

  /**
   * The shape of every symbol the gateway has ever let onto the topics (bot-api RequestValidator).
   * Not today's instrument list (bot-api Instruments, {@code hivemind.instruments}): a replay reads
   * history, which keeps records of instruments since dropped from the list (and from before there
   * was one), and a filter naming a symbol that is not in the log only matches nothing; it grows no
   * state. bot-api is the services' HTTP contract (JAX-RS mappers, CDI), not a library for this
   * CLI.
   */
  private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9]{0,11}");

  static final int MAX_THRESHOLDS = 20;
  static final int MAX_VARIANTS = 8;
  static final int MAX_USERS = 1000;

  private SettingsValidator() {}

  public static ReplaySettings validate(ReplayRequest request) {
    List<Violation> violations = new ArrayList<>();
    Instant from = instant("from", request.from(), violations);
    Instant to = instant("to", request.to(), violations);
    if (from != null && to != null && !to.isAfter(from)) {
      violations.add(new Violation("to", "must be after from (" + from + ")"));
    }
    List<String> users = sortedDistinct(request.users());
    if (users.size() > MAX_USERS) {
      violations.add(new Violation("users", "at most " + MAX_USERS + " users"));
    }
    for (String user : users) {
      if (user.isBlank() || user.length() > 128) {
        violations.add(new Violation("users", "'" + user + "' is not a user id"));
      }
    }
    List<String> symbols = sortedDistinct(request.symbols());
    for (String symbol : symbols) {
      if (!SYMBOL.matcher(symbol).matches()) {
        violations.add(
            new Violation("symbols", "'" + symbol + "' is not a symbol (like ES, NQ, CL)"));
      }
    }
    List<Double> thresholds = thresholds(request.thresholds(), violations);
    List<Duration> halfLives = halfLives(request.halfLives(), violations);
    List<String> schemes =
        request.schemes() == null || request.schemes().isEmpty()
            ? List.of(ReplaySettings.LIVE_SCHEME)
            : sortedDistinct(request.schemes());
    for (String scheme : schemes) {
      if (!Schemes.known().contains(scheme)) {
        violations.add(
            new Violation("schemes", "unknown scheme '" + scheme + "'; known: " + Schemes.known()));
      }
    }
    if (halfLives.size() * schemes.size() > MAX_VARIANTS) {
      violations.add(
          new Violation(
              "half_lives", "at most " + MAX_VARIANTS + " half-life and scheme combinations"));
    }
    Duration joinHorizon = ReplaySettings.LIVE_JOIN_HORIZON;
    if (request.joinHorizon() != null) {
      joinHorizon = Durations.parse(request.joinHorizon());
      if (joinHorizon == null) {
        violations.add(new Violation("join_horizon", "must be a duration like 24h"));
      } else if (joinHorizon.compareTo(ReplaySettings.LIVE_RETRY_HORIZON) >= 0) {
        violations.add(
            new Violation(
                "join_horizon",
                "must be shorter than the retry horizon, "
                    + Durations.format(ReplaySettings.LIVE_RETRY_HORIZON)));
      }
    }
    String model = request.model() == null ? ReplaySettings.PATTERN_MODEL : request.model().trim();
    if (!ReplaySettings.MODELS.contains(model)) {
      violations.add(
          new Violation("model", "unknown model '" + model + "'; known: " + ReplaySettings.MODELS));
    }
    if (!violations.isEmpty()) {
      throw new InvalidSettingsException(violations);
    }
    return new ReplaySettings(
        from, to, users, symbols, thresholds, halfLives, schemes, joinHorizon, model);
  }

  private static Instant instant(String field, String text, List<Violation> violations) {
    if (text == null || text.isBlank()) {
      violations.add(new Violation(field, "is required (2026-11-01 or 2026-11-01T00:00:00Z)"));
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      violations.add(
          new Violation(field, "'" + text + "' is not a date (2026-11-01) or UTC instant"));
      return null;
    }
  }

  private static List<Double> thresholds(List<Double> requested, List<Violation> violations) {
    if (requested == null || requested.isEmpty()) {
      return List.of(ReplaySettings.DEFAULT_THRESHOLD);
    }
    TreeSet<Double> thresholds = new TreeSet<>();
    for (Double threshold : requested) {
      if (threshold == null || !(threshold > 0 && threshold < 1)) {
        violations.add(new Violation("thresholds", threshold + " is not between 0 and 1"));
      } else {
        thresholds.add(threshold);
      }
    }
    if (thresholds.size() > MAX_THRESHOLDS) {
      violations.add(new Violation("thresholds", "at most " + MAX_THRESHOLDS + " thresholds"));
    }
    return List.copyOf(thresholds);
  }

  private static List<Duration> halfLives(List<String> requested, List<Violation> violations) {
    if (requested == null || requested.isEmpty()) {
      return List.of(ReplaySettings.LIVE_HALF_LIFE);
    }
    TreeSet<Duration> halfLives = new TreeSet<>();
    for (String text : requested) {
      Duration halfLife = text == null ? null : Durations.parse(text);
      if (halfLife == null || halfLife.isZero()) {
        violations.add(new Violation("half_lives", "'" + text + "' is not a duration like 30d"));
      } else {
        halfLives.add(halfLife);
      }
    }
    return List.copyOf(halfLives);
  }

  private static List<String> sortedDistinct(List<String> values) {
    TreeSet<String> distinct = new TreeSet<>();
    if (values != null) {
      values.forEach(value -> distinct.add(value == null ? "" : value.trim()));
    }
    return List.copyOf(distinct);
  }
}
