package io.hivemind.cli.demo;

import io.hivemind.cli.StackSettings;
import io.hivemind.replay.settings.Durations;
import io.hivemind.simulator.demo.DemoSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The simulated fleet's options, shared by {@code demo} and {@code chaos} (a drill runs the demo's
 * fleet): each command gives {@code --bots} and {@code --duration} their defaults. The gateway and
 * the query default to the stack's ({@link StackSettings}).
 */
public final class FleetOptions {

  @Option(
      names = "--bots",
      paramLabel = "N",
      description =
          "Simulated users, each with its own bot, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  int bots;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "How long to run, in real time: 60s, 5m (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--speed",
      paramLabel = "X",
      description =
          "Simulated seconds per real second (default 14400: 10 simulated days per real minute,"
              + " 3,000-4,000 trades for 50 bots; lowered for long durations so the simulated"
              + " range stays within 28 days).")
  Double speed;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "The world's seed: markets, users, truths (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      description =
          "Ingest gateway (default: the stack's, $HIVEMIND_GATEWAY_URL or"
              + " http://127.0.0.1:$GATEWAY_PORT).")
  URI gateway;

  @Option(
      names = "--query",
      paramLabel = "URL",
      description = "Confidence query (default: the stack's, http://127.0.0.1:$QUERY_PORT).")
  URI query;

  @Option(
      names = "--explore",
      paramLabel = "P",
      defaultValue = "0.1",
      description =
          "Share of below-threshold opportunities taken anyway, 0 to 1 (default:"
              + " ${DEFAULT-VALUE}).")
  double explore;

  @Option(
      names = "--heartbeat-every",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "Real time between a bot's heartbeats (default: ${DEFAULT-VALUE}).")
  Duration heartbeatEvery;

  /**
   * The options as the demo's settings, checked: a value out of range, or a combination that cannot
   * run, is a usage error naming the option.
   *
   * @param command the command whose usage error it is
   */
  public DemoSettings settings(
      CommandSpec command, Path eventsOut, boolean offline, Instant from, Instant to) {
    if (bots < 1 || bots > DemoSettings.MAX_BOTS) {
      throw usage(
          command, "--bots must be between 1 and " + DemoSettings.MAX_BOTS + ", got " + bots);
    }
    atLeastASecond(command, "--duration", duration);
    atLeastASecond(command, "--heartbeat-every", heartbeatEvery);
    if (speed != null && !(speed > 0 && !speed.isInfinite())) {
      throw usage(command, "--speed must be a positive number, got " + speed);
    }
    if (!(explore >= 0 && explore <= 1)) {
      throw usage(command, "--explore must be between 0 and 1, got " + explore);
    }
    if ((from == null) != (to == null)) {
      throw usage(command, "--from and --to go together");
    }
    if (from != null && !offline) {
      throw usage(
          command, "--from/--to are for --offline runs; live, the simulated range ends now");
    }
    if (from != null && !to.isAfter(from)) {
      throw usage(command, "--to " + to + " must be after --from " + from);
    }
    double chosenSpeed = speed != null ? speed : DemoSettings.defaultSpeed(duration);
    Duration range = DemoSettings.simulatedRange(duration, chosenSpeed);
    if (!offline && range.compareTo(DemoSettings.MAX_SIMULATED_RANGE) > 0) {
      throw usage(
          command,
          String.format(
              "--duration %s × --speed %.0f is %.1f simulated days; the service accepts events"
                  + " at most 30 days old, so keep it within %d days (lower --speed or"
                  + " --duration)",
              Durations.format(duration),
              chosenSpeed,
              range.toHours() / 24.0,
              DemoSettings.MAX_SIMULATED_RANGE.toDays()));
    }
    StackSettings stack = StackSettings.of(command);
    return new DemoSettings(
        bots,
        duration,
        chosenSpeed,
        seed,
        http(command, "--gateway", gateway != null ? gateway : stack.gateway()),
        http(command, "--query", query != null ? query : stack.query()),
        eventsOut,
        offline,
        from,
        to,
        explore,
        heartbeatEvery,
        stack.kafka());
  }

  private static void atLeastASecond(CommandSpec command, String option, Duration value) {
    if (value.compareTo(Duration.ofSeconds(1)) < 0) {
      throw usage(command, option + " must be ≥ 1s, got " + Durations.format(value));
    }
  }

  private static URI http(CommandSpec command, String option, URI url) {
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        || url.getHost() == null) {
      throw usage(command, option + " must be an http(s) URL, got '" + url + "'");
    }
    return url;
  }

  /** A command's defaults of {@code --bots} and {@code --duration}. */
  public abstract static class Defaults implements IDefaultValueProvider {
    private final String bots;
    private final String duration;

    protected Defaults(String bots, String duration) {
      this.bots = bots;
      this.duration = duration;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
      if (argument instanceof OptionSpec option) {
        return switch (option.longestName()) {
          case "--bots" -> bots;
          case "--duration" -> duration;
          default -> null;
        };
      }
      return null;
    }
  }

  public static ParameterException usage(CommandSpec command, String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
