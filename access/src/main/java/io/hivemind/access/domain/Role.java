package io.hivemind.access.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a key may do. Each role includes the ones before it: an admin may do what an analyst may, an
 * analyst what a bot may. Written in lower case on the wire ({@code bot}, {@code analyst}, {@code
 * admin}).
 */
public enum Role {
  /** A trading bot: writes its user's events, reads its user's answers. */
  BOT,
  /** Replays and backtests, besides what a bot may do. */
  ANALYST,
  /** Control, audit and key management, besides everything else. */
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a key with this role may use what needs {@code required}. */
  public boolean covers(Role required) {
    return compareTo(required) >= 0;
  }

  /**
   * @throws IllegalArgumentException naming the roles there are
   */
  public static Role fromWire(String text) {
    for (Role role : values()) {
      if (role.wire().equals(text)) {
        return role;
      }
    }
    throw new IllegalArgumentException("must be one of " + names());
  }

  public static String names() {
    return Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", "));
  }
}
