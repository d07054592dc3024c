package io.hivemind.chaos.cli;

import io.hivemind.chaos.fault.Fault;
import io.hivemind.simulator.cli.DemoOptions;
import io.hivemind.simulator.cli.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drill's command line: its own options, and the demo's for the fleet (with a 30-bot,
 * five-minute default).
 *
 * @param recovery how long one fault may take to be over (services ready, learning caught up)
 * @param settle how long the end of the drill waits for the learner to have learned everything
 */
record ChaosOptions(
    List<Fault> faults,
    Duration recovery,
    Duration settle,
    boolean verifyOnly,
    boolean help,
    DemoOptions fleet) {

  static final String DEFAULT_BOTS = "30";
  static final String DEFAULT_DURATION = "5m";
  static final Duration DEFAULT_RECOVERY = Duration.ofMinutes(5);

  /**
   * Longer than a hanging transaction can last: the broker's longest transaction timeout (2 min in
   * the local stack) plus the watchdog's margin and one pass (ADR 14).
   */
  static final Duration DEFAULT_SETTLE = Duration.ofMinutes(6);

  static final String USAGE =
      """
      Usage: ./hivemind chaos [options]
        Runs the simulated fleet against the running stack, injects faults on a schedule, and
        checks the outcome against an oracle that reads the topics itself: every acknowledged
        event stored, every trade counted once in user and community statistics, a halted user
        never answered as active, no bare 5xx. Prints what each fault cost and exits 1 when an
        invariant broke.

        --faults LIST        comma-separated, in order, or all (default):
                             %s
        --recovery D         how long one fault may take to be over: services ready and
                             learning caught up (default 5m)
        --settle D           how long the end waits for learning to catch up (default 6m)
        --verify-only        no fleet, no fault: wait for learning to catch up, then check the
                             statistics against the log (after a fault injected by hand)
        --help               this text

      The fleet takes the demo's options (./hivemind demo --help), with --bots 30 and
      --duration 5m unless given. Faults hit only what ./hivemind started (its PID files), and
      ./hivemind up heals them. Run it on a cluster (./hivemind up --brokers 3) to drill a broker
      fault while the others serve.
      """
          .formatted(Fault.ids());

  static ChaosOptions parse(String[] args, Map<String, String> env, Instant now)
      throws UsageException {
    List<Fault> faults = List.of(Fault.values());
    Duration recovery = DEFAULT_RECOVERY;
    Duration settle = DEFAULT_SETTLE;
    boolean help = false;
    boolean verifyOnly = false;
    boolean bots = false;
    boolean duration = false;
    List<String> fleet = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        value = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--verify-only" -> verifyOnly = true;
        case "--faults", "--recovery", "--settle" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new UsageException(arg + " needs a value");
            }
            value = args[++i];
          }
          switch (arg) {
            case "--faults" -> {
              try {
                faults = Fault.parseList(value);
              } catch (IllegalArgumentException e) {
                throw new UsageException("--faults: " + e.getMessage());
              }
            }
            case "--recovery" -> recovery = DemoOptions.duration(arg, value);
            default -> settle = DemoOptions.duration(arg, value);
          }
        }
        case "--offline", "--events-out", "--from", "--to" ->
            throw new UsageException(arg + " is a demo option a drill cannot take");
        default -> {
          bots |= arg.equals("--bots");
          duration |= arg.equals("--duration");
          fleet.add(args[i]);
        }
      }
    }
    if (!bots) {
      fleet.addAll(List.of("--bots", DEFAULT_BOTS));
    }
    if (!duration) {
      fleet.addAll(List.of("--duration", DEFAULT_DURATION));
    }
    DemoOptions demo = DemoOptions.parse(fleet.toArray(String[]::new), env, now);
    return new ChaosOptions(faults, recovery, settle, verifyOnly, help || demo.help(), demo);
  }
}
