package io.hivemind.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The kill switch's commands (docs/operations.md): each one audited, each one with a reason. */
final class ControlCommands {

  private ControlCommands() {}

  /** A command on one scope (global unless named) with a reason: the body every one sends. */
  abstract static class Scoped extends GatewayCommand {

    @Option(
        names = "--scope",
        defaultValue = "global",
        description = "global (default), tier:T, user:U or symbol:S.")
    String scope;

    @Option(names = "--reason", required = true, description = "Why: it goes to the audit log.")
    String reason;

    /** {@code {"scope","reason"}}, both checked; a usage error otherwise. */
    ObjectNode body() {
      ObjectNode body = Gateway.JSON.createObjectNode();
      body.put("scope", scope(scope));
      body.put("reason", reason(reason));
      return body;
    }

    /** Posts the body to {@code path} and shows what the command did. */
    int post(String what, String path, ObjectNode body) {
      var answer = gateway().post(what, path, body);
      return show(answer, Views.commandAnswer(answer));
    }
  }

  /** pause, resume and halt: one scope's trading state by hand. */
  abstract static class Trading extends Scoped {

    abstract String state();

    @Override
    public Integer call() {
      return post(spec.name(), "/api/control/trading", body().put("state", state()));
    }
  }

  @Command(
      name = "pause",
      description = "No new entries in the scope (REDUCING); exits are allowed.",
      sortOptions = false)
  static final class Pause extends Trading {
    @Override
    String state() {
      return "REDUCING";
    }
  }

  @Command(name = "resume", description = "Trading again in the scope (ACTIVE).")
  static final class Resume extends Trading {
    @Override
    String state() {
      return "ACTIVE";
    }
  }

  @Command(name = "halt", description = "Nothing in the scope (HALTED): no entries, no exits.")
  static final class Halt extends Trading {
    @Override
    String state() {
      return "HALTED";
    }
  }

  @Command(
      name = "force-close",
      description = "A one-shot order to close every position in the scope, valid for an hour.")
  static final class ForceClose extends Scoped {

    @Override
    public Integer call() {
      return post("force-close", "/api/emergency/force_close", body());
    }
  }

  @Command(
      name = "maintenance",
      mixinStandardHelpOptions = true,
      description = "Maintenance mode (HALTED) on or off for a scope.",
      subcommands = {Maintenance.On.class, Maintenance.Off.class})
  static final class Maintenance {

    abstract static class Switch extends Scoped {

      abstract String path();

      @Override
      public Integer call() {
        return post("maintenance " + spec.name(), path(), body());
      }
    }

    @Command(name = "on", description = "Maintenance on: the scope is HALTED until it is off.")
    static final class On extends Switch {
      @Override
      String path() {
        return "/api/maintenance/enable";
      }
    }

    @Command(name = "off", description = "Maintenance off.")
    static final class Off extends Switch {
      @Override
      String path() {
        return "/api/maintenance/disable";
      }
    }
  }

  @Command(
      name = "learning",
      mixinStandardHelpOptions = true,
      description = "Pause or resume learning, fleet-wide (events wait in Kafka meanwhile).",
      subcommands = {Learning.Pause.class, Learning.Resume.class})
  static final class Learning {

    abstract static class Switch extends GatewayCommand {
      @Option(names = "--reason", required = true, description = "Why: it goes to the audit log.")
      String reason;

      @Override
      public Integer call() {
        ObjectNode body = Gateway.JSON.createObjectNode();
        body.put("reason", reason(reason));
        var answer =
            gateway().post("learning " + spec.name(), "/api/learning/" + spec.name(), body);
        return show(answer, Views.commandAnswer(answer));
      }
    }

    @Command(name = "pause", description = "Every learner stops consuming.")
    static final class Pause extends Switch {}

    @Command(name = "resume", description = "Every learner catches up from where it paused.")
    static final class Resume extends Switch {}
  }

  @Command(name = "audit", description = "Every control command, newest first.")
  static final class Audit extends GatewayCommand {

    @Option(
        names = "--limit",
        description = "How many (1 to 10000; the gateway's default if absent).")
    Integer limit;

    @Override
    public Integer call() {
      if (limit != null && (limit < 1 || limit > 10_000)) {
        throw new ParameterException(
            spec.commandLine(), "--limit must be a number from 1 to 10000, not " + limit);
      }
      var answer = gateway().get("audit", "/api/audit" + (limit == null ? "" : "?limit=" + limit));
      return show(answer, Views.audit(answer));
    }
  }

  @Command(name = "state", description = "The fleet's trading status and every setting.")
  static final class State extends GatewayCommand {

    @Override
    public Integer call() {
      var answer = gateway().get("state", "/api/control/state");
      return show(answer, Views.state(answer, settings().gateway().toString()));
    }
  }
}
