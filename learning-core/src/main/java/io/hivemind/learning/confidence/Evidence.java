package io.hivemind.learning.confidence;

import java.util.List;

/**
 * What is known when a bot asks: counts per level (index = level, from L0 down to the deepest level
 * the question has a pattern for), for the community and for the asking user. A private user's
 * answer never draws on the community.
 */
public record Evidence(List<Counts> community, List<Counts> user, boolean privateUser) {

  public Evidence {
    if (community.isEmpty() || community.size() != user.size()) {
      throw new IllegalArgumentException("community and user need the same, non-zero, levels");
    }
    community = List.copyOf(community);
    user = List.copyOf(user);
  }

  int deepestLevel() {
    return community.size() - 1;
  }
}
