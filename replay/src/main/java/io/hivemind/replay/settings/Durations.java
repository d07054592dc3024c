package io.hivemind.replay.settings;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as analysts write them: {@code 30d}, {@code 720h}, {@code 90m}, {@code 45s}. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([dhms])");

  private Durations() {}

  /** The duration, or null when {@code text} is not one. */
  public static Duration parse(String text) {
    Matcher short_ = SHORT.matcher(text.trim());
    if (!short_.matches()) {
      return null;
    }
    long amount = Long.parseLong(short_.group(1));
    switch (short_.group(2)) {
      case "d":
        return Duration.ofDays(amount);
      case "h":
        return Duration.ofHours(amount);
      case "m":
        return Duration.ofMinutes(amount);
      default:
        return Duration.ofSeconds(amount);
    }
  }

  /** The shortest of the forms {@link #parse} reads. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
