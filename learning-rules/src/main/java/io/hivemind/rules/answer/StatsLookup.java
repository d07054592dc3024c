package io.hivemind.rules.answer;

import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.util.Optional;

/**
 * Point lookups of learned statistics. The model asks only for exact keys, never for ranges, so an
 * implementation over a key-value store answers each in one get.
 */
public interface StatsLookup {

  Optional<WinStats> user(StatsKey key);

  Optional<WinStats> community(CommunityStatsKey key);
}
