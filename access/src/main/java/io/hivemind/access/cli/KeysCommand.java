package io.hivemind.access.cli;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** One {@code keys} command line, read and checked before anything talks to Kafka. */
sealed interface KeysCommand {

  int MAX_REASON = 500;

  /** {@code create --user U --tier T [--role R] [--private] [--json]} */
  record Create(String userId, Tier tier, Role role, boolean privateUser, boolean json)
      implements KeysCommand {}

  /** {@code revoke <keyId or key> [--reason R]}; the key id is what the argument names. */
  record Revoke(String keyId, String reason) implements KeysCommand {}

  /** {@code list [--user U] [--json]} */
  record ListKeys(Optional<String> userId, boolean json) implements KeysCommand {}

  /** {@code help} */
  record Help() implements KeysCommand {}

  static KeysCommand parse(List<String> args) throws UsageException {
    if (args.isEmpty()) {
      throw new UsageException("which command? create, revoke or list");
    }
    String name = args.get(0);
    Parsed parsed;
    switch (name) {
      case "create":
        parsed =
            Parsed.of(args.subList(1, args.size()), Set.of("--user", "--tier", "--role"), true);
        parsed.noPositionals(name);
        String user = parsed.required("--user");
        if (!KeyRecord.isUserId(user)) {
          throw new UsageException(
              "--user must be 1-64 letters, digits, '.', '_', ':' or '-', not '" + user + "'");
        }
        Tier tier = choice("--tier", parsed.required("--tier"), Tier::fromWire);
        Optional<String> role = parsed.value("--role");
        return new Create(
            user,
            tier,
            role.isPresent() ? choice("--role", role.get(), Role::fromWire) : Role.BOT,
            parsed.privateUser,
            parsed.json);
      case "revoke":
        parsed = Parsed.of(args.subList(1, args.size()), Set.of("--reason"));
        if (parsed.positionals.size() != 1) {
          throw new UsageException("revoke takes one key id or key, e.g. revoke abcdefgh2345");
        }
        String reason = parsed.value("--reason").orElse(null);
        if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON)) {
          throw new UsageException("--reason must be 1-" + MAX_REASON + " characters");
        }
        if (parsed.json) {
          throw new UsageException("revoke has no --json");
        }
        return new Revoke(keyIdOf(parsed.positionals.get(0)), reason);
      case "list":
        parsed = Parsed.of(args.subList(1, args.size()), Set.of("--user"));
        parsed.noPositionals(name);
        return new ListKeys(parsed.value("--user"), parsed.json);
      case "help", "-h", "--help":
        return new Help();
      default:
        throw new UsageException("unknown command '" + name + "': use create, revoke or list");
    }
  }

  private static String keyIdOf(String argument) throws UsageException {
    if (ApiKey.isKeyId(argument)) {
      return argument;
    }
    Optional<ApiKey> key = ApiKey.parse(argument);
    if (key.isPresent()) {
      return key.get().keyId();
    }
    // never echo the argument: it may be a mistyped secret
    throw new UsageException(
        "not a key id ("
            + ApiKey.KEY_ID_LENGTH
            + " characters a-z, 2-7) nor a key ("
            + ApiKey.PREFIX
            + "<key id>_<secret>)");
  }

  private static <T> T choice(String option, String value, Function<String, T> choice)
      throws UsageException {
    try {
      return choice.apply(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " " + e.getMessage() + ", not '" + value + "'");
    }
  }

  /**
   * Options ({@code --name value}, each at most once), the {@code --json} flag, the {@code
   * --private} flag (where the command takes it), positionals.
   */
  final class Parsed {
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private boolean json;
    private boolean privateUser;

    static Parsed of(List<String> args, Set<String> valued) throws UsageException {
      return of(args, valued, false);
    }

    static Parsed of(List<String> args, Set<String> valued, boolean takesPrivate)
        throws UsageException {
      Parsed parsed = new Parsed();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--json")) {
          parsed.json = true;
        } else if (takesPrivate && arg.equals("--private")) {
          parsed.privateUser = true;
        } else if (valued.contains(arg)) {
          if (i + 1 >= args.size()) {
            throw new UsageException(arg + " needs a value");
          }
          if (parsed.options.put(arg, args.get(++i)) != null) {
            throw new UsageException(arg + " is given twice");
          }
        } else if (arg.startsWith("-")) {
          throw new UsageException("unknown option " + arg);
        } else {
          parsed.positionals.add(arg);
        }
      }
      return parsed;
    }

    Optional<String> value(String option) {
      return Optional.ofNullable(options.get(option));
    }

    String required(String option) throws UsageException {
      return value(option).orElseThrow(() -> new UsageException(option + " is required"));
    }

    void noPositionals(String command) throws UsageException {
      if (!positionals.isEmpty()) {
        throw new UsageException(command + " takes no argument '" + positionals.get(0) + "'");
      }
    }
  }
}
