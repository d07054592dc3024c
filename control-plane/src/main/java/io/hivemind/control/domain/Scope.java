package io.hivemind.control.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a control setting applies: the whole fleet, a subscription tier, one user or one symbol.
 * Written {@code global}, {@code tier:pro}, {@code user:a1b2c3d4e5f6}, {@code symbol:ES}.
 */
public record Scope(Kind kind, String name) {

  public enum Kind {
    GLOBAL,
    TIER,
    USER,
    SYMBOL
  }

  public static final Scope GLOBAL = new Scope(Kind.GLOBAL, "");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public Scope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (kind == Kind.GLOBAL ? !name.isEmpty() : !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a "
              + kind.name().toLowerCase(Locale.ROOT)
              + " scope needs a name of 1-128 letters,"
              + " digits, '.', '_', ':' or '-'");
    }
  }

  public static Scope tier(String tier) {
    return new Scope(Kind.TIER, tier);
  }

  public static Scope user(String userId) {
    return new Scope(Kind.USER, userId);
  }

  public static Scope symbol(String symbol) {
    return new Scope(Kind.SYMBOL, symbol);
  }

  /**
   * Reads {@code global}, {@code tier:T}, {@code user:U} or {@code symbol:S}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Scope parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("must be global, tier:T, user:U or symbol:S");
    }
    if (text.equals("global")) {
      return GLOBAL;
    }
    int colon = text.indexOf(':');
    String kind = colon < 0 ? text : text.substring(0, colon);
    String name = colon < 0 ? "" : text.substring(colon + 1);
    return switch (kind) {
      case "tier" -> tier(name);
      case "user" -> user(name);
      case "symbol" -> symbol(name);
      default ->
          throw new IllegalArgumentException(
              "unknown scope '" + text + "': must be global, tier:T, user:U or symbol:S");
    };
  }

  @Override
  public String toString() {
    return kind == Kind.GLOBAL ? "global" : kind.name().toLowerCase(Locale.ROOT) + ":" + name;
  }
}
