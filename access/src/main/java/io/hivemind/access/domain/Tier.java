package io.hivemind.access.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A user's subscription plan. The wire names ({@code basic}, {@code pro}, {@code elite}) are the
 * names a control scope {@code tier:T} takes, so a key's tier is the scope its bot is held to.
 */
public enum Tier {
  BASIC,
  PRO,
  ELITE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the tiers there are
   */
  public static Tier fromWire(String text) {
    for (Tier tier : values()) {
      if (tier.wire().equals(text)) {
        return tier;
      }
    }
    throw new IllegalArgumentException("must be one of " + names());
  }

  public static String names() {
    return Arrays.stream(values()).map(Tier::wire).collect(Collectors.joining(", "));
  }
}
