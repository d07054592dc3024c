package io.hivemind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that calls the gateway as the operator and shows its answer. */
abstract class GatewayCommand implements Callable<Integer> {

  private static final Pattern SCOPE =
      Pattern.compile("^(global|(tier|user|symbol):[A-Za-z0-9._:-]{1,128})$");

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the gateway's JSON answer as it is.")
  boolean json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  Gateway gateway() {
    return new Gateway(settings());
  }

  StackSettings settings() {
    return ((Hivemind) spec.root().userObject()).settings;
  }

  /** The answer as it is ({@code --json}) or its readable view. */
  int show(JsonNode answer, List<String> view) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(answer.toString());
    } else {
      view.forEach(out::println);
    }
    out.flush();
    return 0;
  }

  /** {@code scope} checked as the gateway checks it; a usage error otherwise. */
  String scope(String scope) {
    if (!SCOPE.matcher(scope).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--scope must be global, tier:T, user:U or symbol:S (a name of 1-128 letters, digits,"
              + " '.', '_', ':' or '-'), not '"
              + Views.clean(scope)
              + "'");
    }
    return scope;
  }

  /** A reason that says something: it goes to the audit log. */
  String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new ParameterException(
          spec.commandLine(), "--reason \"...\" is required: say why, it goes to the audit log");
    }
    return reason;
  }
}
