package io.hivemind.replay.settings;

import io.hivemind.learning.pattern.PatternScheme;
import java.util.List;

/** The pattern schemes a replay can learn with, by version name. */
public final class Schemes {

  private static final List<String> KNOWN = List.of(PatternScheme.v1().version());

  private Schemes() {}

  public static List<String> known() {
    return KNOWN;
  }

  public static PatternScheme named(String version) {
    if (!KNOWN.contains(version)) {
      throw new IllegalArgumentException("unknown pattern scheme " + version);
    }
    return PatternScheme.v1();
  }
}
