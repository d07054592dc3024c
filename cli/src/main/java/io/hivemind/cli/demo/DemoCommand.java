package io.hivemind.cli.demo;

import io.hivemind.cli.StackSettings;
import io.hivemind.simulator.bot.BotClient;
import io.hivemind.simulator.bot.RetryPolicy;
import io.hivemind.simulator.demo.DemoSettings;
import io.hivemind.simulator.demo.LiveDemo;
import io.hivemind.simulator.demo.NotificationWatch;
import io.hivemind.simulator.demo.OfflineDemo;
import io.hivemind.simulator.fleet.Fleet;
import io.hivemind.simulator.fleet.SimulatedUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./hivemind demo}: a fleet of simulated bots against the running stack, with live progress
 * and, at the end (the duration or Ctrl-C), a summary and the divergence table ({@link LiveDemo}).
 * {@code --offline} runs the same fleet without HTTP and writes the events it would have sent, and
 * needs no keys ({@link OfflineDemo}).
 */
@Command(
    name = "demo",
    sortOptions = false,
    defaultValueProvider = DemoCommand.Defaults.class,
    description =
        "A fleet of simulated bots trading simulated markets with the seeds' VWAP/RSI strategy"
            + " against the running stack, live progress; ends at the duration or on Ctrl-C with a"
            + " summary and a table of served confidence by pattern and by user.",
    footer = {
      "",
      "Live, every simulated user gets an API key of its own (role bot, the user's tier), minted"
          + " for the run in the topic $${HIVEMIND_TOPIC_PREFIX}api-keys on the Kafka at"
          + " $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:$KAFKA_PORT (default hivemind.api-keys on"
          + " :9092).",
      "Durations are a whole number and a unit: 500ms, 30s, 5m, 2h or 7d.",
      "Exit codes: 0 done, 1 the stack is not reachable or does not take the bots' keys, 2 a usage"
          + " error."
    })
public final class DemoCommand implements Callable<Integer> {

  static final class Defaults extends FleetOptions.Defaults {
    Defaults() {
      super(String.valueOf(DemoSettings.DEFAULT_BOTS), "60s");
    }
  }

  @Spec CommandSpec spec;

  @Mixin FleetOptions fleet;

  @Option(
      names = "--events-out",
      paramLabel = "FILE",
      description =
          "Also write every event sent, one JSON line each:"
              + " {\"type\":\"signal\"|\"outcome\"|\"heartbeat\",\"body\":{...wire JSON...}}.")
  Path eventsOut;

  @Option(
      names = "--offline",
      description =
          "No HTTP: every opportunity is taken and only the events file is written; with"
              + " --from/--to the file is the same on every run.")
  boolean offline;

  @Option(
      names = "--from",
      paramLabel = "T",
      converter = InstantConverter.class,
      description =
          "Offline only, with --to: the simulated range's start, an ISO-8601 instant such as"
              + " 2026-11-01T00:00:00Z (default: the duration times the speed, ending now).")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "T",
      converter = InstantConverter.class,
      description = "Offline only, with --from: the simulated range's end (default: now).")
  Instant to;

  @Option(
      names = "--notify",
      description =
          "Also watch the notifier as a subscriber would (docs/notifications.md): a receiver on"
              + " this machine registered by the first simulated user's key and by the admin key"
              + " (the fleet's events); the last user's bot stops its heartbeats halfway through;"
              + " at the end, every closed trade told, the milestones, the crashed-bot alert and"
              + " the kill-switch changes, all signatures checked. Needs two bots or more and a"
              + " stack started with HIVEMIND_NOTIFIER_ALLOW_LOOPBACK=true ./hivemind up.")
  boolean notify;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /** The clock of the run: a test fixes it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    DemoSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NotificationWatch watch = null;
    try {
      if (offline) {
        new OfflineDemo(settings, out).run(clock.instant());
        return 0;
      }
      LiveDemo live;
      if (notify) {
        List<SimulatedUser> users = Fleet.users(settings.seed(), settings.bots());
        try {
          watch =
              NotificationWatch.open(
                  BotClient.newHttpClient(),
                  StackSettings.of(spec).notifier(),
                  users.get(0),
                  users.get(users.size() - 1));
        } catch (IOException e) {
          err.println("demo: cannot start the notifications receiver: " + e.getMessage());
          return 1;
        }
        live = new LiveDemo(settings, out, err, clock, watch, RetryPolicy.defaults(), true);
      } else {
        live = new LiveDemo(settings, out, err, clock);
      }
      Optional<String> problem = live.stackProblem();
      if (problem.isPresent()) {
        err.println("demo: " + problem.get());
        err.println("demo: start the stack first: ./hivemind up");
        return 1;
      }
      Optional<String> keysProblem = live.provisionKeys();
      if (keysProblem.isPresent()) {
        err.println("demo: " + keysProblem.get());
        return 1;
      }
      if (watch != null) {
        try {
          watch.subscribe(
              live.authorizationOf(watch.watched()),
              "Bearer " + StackSettings.of(spec).adminKey(),
              settings.duration().dividedBy(2));
        } catch (IOException e) {
          err.println("demo: " + e.getMessage());
          return 1;
        }
        out.println(
            "demo: watching the notifier: user "
                + watch.watched()
                + "'s events and the fleet's, signed, to a receiver on this machine");
      }
      live.run();
      if (watch != null) {
        watch.report(out);
      }
      return 0;
    } catch (IOException e) {
      throw FleetOptions.usage(
          spec, "--events-out: cannot write " + eventsOut + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      if (watch != null) {
        watch.close();
      }
      out.flush();
      err.flush();
    }
  }

  /** The options, checked: a usage error names the option. */
  DemoSettings settings() {
    DemoSettings settings = fleet.settings(spec, eventsOut, offline, from, to);
    if (notify && offline) {
      throw FleetOptions.usage(spec, "--notify watches a live run: not with --offline");
    }
    if (notify && settings.bots() < 2) {
      throw FleetOptions.usage(
          spec,
          "--notify needs two bots or more (one watched, one crashing), got " + settings.bots());
    }
    return settings;
  }

  /** An ISO-8601 instant, e.g. {@code 2026-11-01T00:00:00Z}. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an ISO-8601 instant such as 2026-11-01T00:00:00Z");
      }
    }
  }
}
