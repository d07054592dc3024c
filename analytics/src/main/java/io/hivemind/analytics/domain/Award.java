package io.hivemind.analytics.domain;

import java.time.Instant;

/**
 * A badge held by a user: which, under which rule set, earned when (the exit time of the trade that
 * earned it) and by which trade.
 */
public record Award(String badge, String ruleSet, Instant earnedAt, String signalId) {}
