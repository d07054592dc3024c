package io.hivemind.replay.settings;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration format of hivemind's tools and settings files: a whole number and a unit, {@code
 * 500ms}, {@code 45s}, {@code 90m}, {@code 720h}, {@code 30d} (the form Quarkus reads in {@code
 * application.properties} too). The CLI's options and the replay settings (a file, or {@code POST
 * /api/replay}) both read it here.
 */
public final class Durations {

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  /** What a reader is told when a value is not a duration. */
  public static final String EXPECTED = "a whole number and a unit: 500ms, 30s, 5m, 2h or 7d";

  private Durations() {}

  /** The duration, or null when {@code text} is not one. */
  public static Duration parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher form = FORM.matcher(text.trim());
    if (!form.matches()) {
      return null;
    }
    long amount = Long.parseLong(form.group(1));
    return switch (form.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** The shortest of the forms {@link #parse} reads. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = duration.getSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
