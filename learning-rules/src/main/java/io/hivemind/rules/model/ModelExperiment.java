package io.hivemind.rules.model;

import io.hivemind.learning.model.Fnv;
import java.util.Set;

/**
 * The A/B switch (ADR 22): which model a bot is served, the pattern model or the challenger. A user
 * is on the challenger when their key's tier is one of {@code challengerTiers}, or when their user
 * id falls in the first {@code challengerShare} of [0, 1) by a fixed hash ({@link Fnv#unit}): the
 * same user always lands on the same side, on every instance, so a bot never flips between models
 * from one question to the next. A private user is always served the pattern model: the
 * challenger's private answer (the user's offset alone) has not been judged on its own yet.
 *
 * @param challengerShare the share of users, 0 to 1, served the challenger
 * @param challengerTiers tiers served the challenger whatever the share
 * @param challengerUsers users served the challenger whatever their tier and hash
 */
public record ModelExperiment(
    double challengerShare, Set<String> challengerTiers, Set<String> challengerUsers) {

  public ModelExperiment {
    if (!(challengerShare >= 0 && challengerShare <= 1)) {
      throw new IllegalArgumentException(
          "the challenger's share must be between 0 and 1, was " + challengerShare);
    }
    challengerTiers = Set.copyOf(challengerTiers);
    challengerUsers = Set.copyOf(challengerUsers);
  }

  /** By share and tiers, no canary users. */
  public ModelExperiment(double challengerShare, Set<String> challengerTiers) {
    this(challengerShare, challengerTiers, Set.of());
  }

  /** Everyone on the pattern model: the challenger is scored in shadow only. */
  public static ModelExperiment patternOnly() {
    return new ModelExperiment(0, Set.of());
  }

  /**
   * Whether {@code userId}, asking with a key of {@code tier} (null: none), is served the
   * challenger.
   */
  public boolean servesChallenger(String userId, String tier, boolean privateUser) {
    if (privateUser) {
      return false;
    }
    return challengerUsers.contains(userId)
        || (tier != null && challengerTiers.contains(tier))
        || Fnv.unit(userId) < challengerShare;
  }
}
