package io.hivemind.simulator.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./hivemind demo}: a fleet of simulated bots against the running stack, with live progress
 * and, at the end (the duration or Ctrl-C), a summary and the divergence table. {@code --offline}
 * runs the same fleet without HTTP and writes the events it would have sent, and needs no keys.
 *
 * <p>Exit codes: 0 done, 1 the stack is not reachable or does not take the bots' keys, 2 bad
 * arguments.
 */
public final class Demo {

  static final int EXIT_OK = 0;
  static final int EXIT_UNREACHABLE = 1;
  static final int EXIT_USAGE = 2;

  static final int GRID_USERS = 5;
  static final int GRID_PATTERNS = 4;

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  Demo(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  public static void main(String[] args) {
    int code = new Demo(System.out, System.err, Clock.systemUTC()).run(args, System.getenv());
    System.exit(code);
  }

  int run(String[] args, Map<String, String> env) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args, env, clock.instant());
    } catch (UsageException e) {
      err.println("demo: " + e.getMessage());
      err.println();
      err.print(DemoOptions.USAGE);
      return EXIT_USAGE;
    }
    if (options.help()) {
      out.print(DemoOptions.USAGE);
      return EXIT_OK;
    }
    try {
      if (options.offline()) {
        new OfflineDemo(options, out).run(clock.instant());
        return EXIT_OK;
      }
      LiveDemo live = new LiveDemo(options, out, err, clock);
      Optional<String> problem = live.stackProblem();
      if (problem.isPresent()) {
        err.println("demo: " + problem.get());
        err.println("demo: start the stack first: ./hivemind up");
        return EXIT_UNREACHABLE;
      }
      Optional<String> keysProblem = live.provisionKeys();
      if (keysProblem.isPresent()) {
        err.println("demo: " + keysProblem.get());
        return EXIT_UNREACHABLE;
      }
      live.run();
      return EXIT_OK;
    } catch (IOException e) {
      err.println("demo: cannot write " + options.eventsOut() + ": " + e.getMessage());
      return EXIT_USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_OK;
    }
  }
}
