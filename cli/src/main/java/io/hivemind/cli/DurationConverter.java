package io.hivemind.cli;

import io.hivemind.replay.settings.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every {@link Duration} option of every command, in the one format ({@link Durations}): {@code
 * 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}. Registered once on the root command.
 */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    Duration duration = Durations.parse(value);
    if (duration == null) {
      throw new TypeConversionException("'" + value + "' is not " + Durations.EXPECTED);
    }
    return duration;
  }
}
