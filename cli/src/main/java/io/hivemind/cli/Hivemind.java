package io.hivemind.cli;

import io.hivemind.cli.bench.BenchCommand;
import io.hivemind.cli.chaos.ChaosCommand;
import io.hivemind.cli.demo.DemoCommand;
import io.hivemind.cli.replay.ReplayCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./hivemind}'s commands beyond starting and stopping processes, which the launcher hands
 * here. Exit codes are the same everywhere: 0 done, 1 the stack refused or could not be reached
 * (the reason on standard error), 2 a usage error (what is wrong, then the command's usage).
 */
@Command(
    name = "hivemind",
    mixinStandardHelpOptions = true,
    version = "hivemind 0.1.0",
    description = "Operate a hivemind stack: the kill switch, schedules, the audit log, API keys.",
    footer = {
      "",
      "Processes are started and stopped by ./hivemind up|down|start|stop|status|logs.",
      "Exit codes: 0 done, 1 the stack refused or could not be reached, 2 a usage error."
    },
    subcommands = {
      ControlCommands.Pause.class,
      ControlCommands.Resume.class,
      ControlCommands.Halt.class,
      ControlCommands.ForceClose.class,
      ControlCommands.Maintenance.class,
      ControlCommands.Learning.class,
      ScheduleCommands.class,
      ControlCommands.Audit.class,
      ControlCommands.State.class,
      KeysCommands.class,
      BenchCommand.class,
      DemoCommand.class,
      ChaosCommand.class,
      ReplayCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Hivemind {

  final StackSettings settings;

  Hivemind(StackSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    // The Kafka clients (keys) log through SLF4J, which this tool gives no binding: keep SLF4J
    // from explaining that on every run. Failures are reported by the commands themselves.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    StackSettings settings;
    try {
      settings = StackSettings.from(System.getenv());
    } catch (CliException e) {
      err.println("hivemind: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.exit(run(settings, args, out, err));
  }

  /** Runs one command line; returns its exit code. */
  static int run(StackSettings settings, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Hivemind(settings));
    line.setOut(out);
    line.setErr(err);
    line.registerConverter(Duration.class, new DurationConverter());
    line.setExecutionExceptionHandler(
        (exception, command, parsed) -> {
          if (exception instanceof CliException failure) {
            command.getErr().println("hivemind: " + failure.getMessage());
            command.getErr().flush();
            return 1;
          }
          throw exception;
        });
    int exit = line.execute(args);
    out.flush();
    err.flush();
    return exit;
  }
}
