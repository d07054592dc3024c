package io.hivemind.simulator.cli;

import io.hivemind.schema.KafkaEnvironment;
import io.hivemind.simulator.fleet.FleetSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's command line, checked. Live, the simulated range ends now and spans duration × speed,
 * so that range must stay inside the 30 days the service accepts events for; offline, {@code
 * --from}/{@code --to} give the range explicitly, which is what makes two runs byte-identical.
 *
 * @param kafka where a live run mints its bots' keys, from the environment
 */
public record DemoOptions(
    int bots,
    Duration duration,
    double speed,
    long seed,
    URI gateway,
    URI query,
    Path eventsOut,
    boolean offline,
    Instant from,
    Instant to,
    double explore,
    Duration heartbeatEvery,
    boolean help,
    KafkaEnvironment kafka) {

  static final int DEFAULT_BOTS = 50;
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

  /**
   * 4 simulated hours per real second: a minute plays 10 trading-calendar days, which for 50 bots
   * is about 7,500 opportunities and 3,000 to 4,000 trades (with the service's answers near the
   * community prior, about half are taken).
   */
  static final double DEFAULT_SPEED = 14_400;

  /** Live runs keep their simulated range this far inside the service's 30-day window. */
  static final Duration MAX_SIMULATED_RANGE = Duration.ofDays(28);

  static final int MAX_BOTS = 10_000;
  static final long DEFAULT_SEED = 42;
  static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);

  public static final String USAGE =
      """
      Usage: Demo [options]
        --bots N             simulated users, each with its own bot (default 50)
        --duration D         how long to run, in real time: 60s, 5m (default 60s)
        --speed X            simulated seconds per real second (default 14400: 10 simulated days
                             per real minute, 3,000-4,000 trades for 50 bots; lowered for long
                             durations so the simulated range stays within 28 days)
        --seed S             the world's seed: markets, users, truths (default 42)
        --gateway URL        ingest gateway (default http://127.0.0.1:$GATEWAY_PORT, or :8080)
        --query URL          confidence query (default http://127.0.0.1:$QUERY_PORT, or :8081)
        --events-out FILE    also write every event sent, one JSON line each:
                             {"type":"signal"|"outcome"|"heartbeat","body":{...wire JSON...}}
        --explore P          share of below-threshold opportunities taken anyway (default 0.1)
        --heartbeat-every D  real time between a bot's heartbeats (default 10s)
        --offline            no HTTP: every opportunity is taken and only the events file is
                             written; with --from/--to the file is the same on every run
        --from T --to T      offline only: the simulated range, ISO-8601 instants
                             (default: the duration times the speed, ending now)
        --help               this text

      Live, every simulated user gets an API key of its own (role bot, the user's tier), minted
      for the run in the topic ${HIVEMIND_TOPIC_PREFIX}api-keys on the Kafka at
      $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:$KAFKA_PORT (default hivemind.api-keys on :9092).
      """;

  public static DemoOptions parse(String[] args, Map<String, String> env, Instant now)
      throws UsageException {
    Parser parser = new Parser(env);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        value = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      }
      if (arg.equals("--offline") || arg.equals("--help") || arg.equals("-h")) {
        if (value != null) {
          throw new UsageException(arg + " takes no value");
        }
        parser.flag(arg);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(arg + " needs a value");
        }
        value = args[++i];
      }
      parser.option(arg, value);
    }
    return parser.build(now);
  }

  /**
   * A duration as the tools take it: {@code 90s}, {@code 5m}, {@code 1h}, or plain seconds; at
   * least a second.
   */
  public static Duration duration(String name, String value) throws UsageException {
    return Parser.duration(name, value);
  }

  /** The fleet to simulate, for a simulated range [start, end]. */
  FleetSettings fleetSettings(Instant start, Instant end) {
    return new FleetSettings(seed, bots, start, end, explore);
  }

  /** Simulated time between heartbeats: the real interval at the run's speed. */
  Duration simulatedHeartbeat() {
    return Duration.ofMillis(Math.max(1000, Math.round(heartbeatEvery.toMillis() * speed)));
  }

  /** The offline range: explicit, or the duration times the speed ending now (to the minute). */
  Instant offlineFrom(Instant now) {
    return from != null ? from : offlineTo(now).minus(simulatedRange(duration, speed));
  }

  Instant offlineTo(Instant now) {
    return to != null ? to : now.truncatedTo(ChronoUnit.MINUTES);
  }

  static Duration simulatedRange(Duration duration, double speed) {
    return Duration.ofMillis(Math.round(duration.toMillis() * speed));
  }

  private static final class Parser {
    private final Map<String, String> env;
    private int bots = DEFAULT_BOTS;
    private Duration duration = DEFAULT_DURATION;
    private Double speed;
    private long seed = DEFAULT_SEED;
    private URI gateway;
    private URI query;
    private Path eventsOut;
    private boolean offline;
    private boolean help;
    private Instant from;
    private Instant to;
    private double explore = FleetSettings.DEFAULT_EXPLORE;
    private Duration heartbeatEvery = DEFAULT_HEARTBEAT;

    Parser(Map<String, String> env) {
      this.env = env;
    }

    void flag(String name) {
      if (name.equals("--offline")) {
        offline = true;
      } else {
        help = true;
      }
    }

    void option(String name, String value) throws UsageException {
      switch (name) {
        case "--bots" -> bots = integer(name, value, 1, MAX_BOTS);
        case "--duration" -> duration = duration(name, value);
        case "--speed" -> speed = positive(name, value);
        case "--seed" -> seed = longValue(name, value);
        case "--gateway" -> gateway = url(name, value);
        case "--query" -> query = url(name, value);
        case "--events-out" -> eventsOut = Path.of(value);
        case "--from" -> from = instant(name, value);
        case "--to" -> to = instant(name, value);
        case "--explore" -> explore = share(name, value);
        case "--heartbeat-every" -> heartbeatEvery = duration(name, value);
        default -> throw new UsageException("unknown option " + name);
      }
    }

    DemoOptions build(Instant now) throws UsageException {
      if ((from == null) != (to == null)) {
        throw new UsageException("--from and --to go together");
      }
      if (from != null && !offline) {
        throw new UsageException(
            "--from/--to are for --offline runs; live, the simulated range ends now");
      }
      if (from != null && !to.isAfter(from)) {
        throw new UsageException("--to " + to + " must be after --from " + from);
      }
      double chosenSpeed = speed != null ? speed : defaultSpeed(duration);
      if (!offline && simulatedRange(duration, chosenSpeed).compareTo(MAX_SIMULATED_RANGE) > 0) {
        throw new UsageException(
            String.format(
                "--duration %ds × --speed %.0f is %.1f simulated days; the service accepts events"
                    + " at most 30 days old, so keep it within %d days (lower --speed or"
                    + " --duration)",
                duration.toSeconds(),
                chosenSpeed,
                simulatedRange(duration, chosenSpeed).toHours() / 24.0,
                MAX_SIMULATED_RANGE.toDays()));
      }
      return new DemoOptions(
          bots,
          duration,
          chosenSpeed,
          seed,
          gateway != null ? gateway : local(env, "GATEWAY_PORT", 8080),
          query != null ? query : local(env, "QUERY_PORT", 8081),
          eventsOut,
          offline,
          from,
          to,
          explore,
          heartbeatEvery,
          help,
          KafkaEnvironment.from(env));
    }

    /** The default speed, or slower when the duration would take the range past the window. */
    private static double defaultSpeed(Duration duration) {
      double fitting = MAX_SIMULATED_RANGE.toMillis() / (double) duration.toMillis();
      return Math.min(DEFAULT_SPEED, Math.floor(fitting));
    }

    private static URI local(Map<String, String> env, String variable, int fallback)
        throws UsageException {
      String port = env.getOrDefault(variable, String.valueOf(fallback));
      try {
        int number = Integer.parseInt(port.trim());
        if (number < 1 || number > 65535) {
          throw new NumberFormatException();
        }
        return URI.create("http://127.0.0.1:" + number);
      } catch (NumberFormatException e) {
        throw new UsageException(variable + "=" + port + " is not a port number");
      }
    }

    private static int integer(String name, String value, int min, int max) throws UsageException {
      try {
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
          throw new UsageException(name + " must be between " + min + " and " + max);
        }
        return number;
      } catch (NumberFormatException e) {
        throw new UsageException(name + " must be a whole number, was '" + value + "'");
      }
    }

    private static long longValue(String name, String value) throws UsageException {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new UsageException(name + " must be a whole number, was '" + value + "'");
      }
    }

    private static double positive(String name, String value) throws UsageException {
      double number = number(name, value);
      if (!(number > 0) || Double.isInfinite(number)) {
        throw new UsageException(name + " must be a positive number, was '" + value + "'");
      }
      return number;
    }

    private static double share(String name, String value) throws UsageException {
      double number = number(name, value);
      if (!(number >= 0 && number <= 1)) {
        throw new UsageException(name + " must be between 0 and 1, was '" + value + "'");
      }
      return number;
    }

    private static double number(String name, String value) throws UsageException {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new UsageException(name + " must be a number, was '" + value + "'");
      }
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, or plain seconds. */
    static Duration duration(String name, String value) throws UsageException {
      String text = value.trim().toLowerCase(Locale.ROOT);
      long factor = 1;
      if (text.endsWith("ms")) {
        throw new UsageException(name + " takes s, m or h units, was '" + value + "'");
      } else if (text.endsWith("s")) {
        text = text.substring(0, text.length() - 1);
      } else if (text.endsWith("m")) {
        factor = 60;
        text = text.substring(0, text.length() - 1);
      } else if (text.endsWith("h")) {
        factor = 3600;
        text = text.substring(0, text.length() - 1);
      }
      try {
        double seconds = Double.parseDouble(text) * factor;
        if (!(seconds >= 1) || Double.isInfinite(seconds)) {
          throw new UsageException(name + " must be at least 1s, was '" + value + "'");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
      } catch (NumberFormatException e) {
        throw new UsageException(name + " must look like 60s or 5m, was '" + value + "'");
      }
    }

    private static URI url(String name, String value) throws UsageException {
      try {
        URI uri = new URI(value);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            || uri.getHost() == null) {
          throw new UsageException(name + " must be an http(s) URL, was '" + value + "'");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new UsageException(name + " must be an http(s) URL, was '" + value + "'");
      }
    }

    private static Instant instant(String name, String value) throws UsageException {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new UsageException(
            name
                + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, was '"
                + value
                + "'");
      }
    }
  }
}
