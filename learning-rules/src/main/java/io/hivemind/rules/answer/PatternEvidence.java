package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.Evidence;

/**
 * The evidence for one question, with the raw trade counts at its deepest pattern that the answer
 * reports next to the probability.
 */
record PatternEvidence(Evidence evidence, long userTrades, long communityTrades, String pattern) {}
