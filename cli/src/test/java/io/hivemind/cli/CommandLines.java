package io.hivemind.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The command line as {@code ./hivemind} runs it, for the tests of commands in other packages. */
public final class CommandLines {

  private CommandLines() {}

  /** What a run printed and its exit code. */
  public record Run(int exit, String out, String err) {}

  /** The stack's settings as {@code ./hivemind} would export them in {@code env}. */
  public static StackSettings settings(Map<String, String> env) {
    return StackSettings.from(env);
  }

  /** Runs {@code args} through {@link Hivemind#run}, the stack's settings read from {@code env}. */
  public static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Hivemind.run(settings(env), args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * Parses {@code args} with the command tree and converters {@link Hivemind#run} uses, without
   * running anything: the object of the innermost command named, its options set.
   */
  public static <T> T parse(Class<T> command, Map<String, String> env, String... args) {
    CommandLine line = new CommandLine(new Hivemind(settings(env)));
    line.registerConverter(Duration.class, new DurationConverter());
    ParseResult parsed = line.parseArgs(args);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return command.cast(parsed.commandSpec().userObject());
  }
}
