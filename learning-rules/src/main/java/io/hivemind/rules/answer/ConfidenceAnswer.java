package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.Confidence;

/**
 * The estimate with what it rests on.
 *
 * @param userTrades the user's own trades at {@code pattern}
 * @param communityTrades the community's trades at {@code pattern}
 * @param pattern the most specific pattern the question had
 */
public record ConfidenceAnswer(
    Confidence confidence, long userTrades, long communityTrades, String pattern) {}
