package io.hivemind.learning.confidence;

/**
 * The answer: the posterior mean win probability and an equal-tailed credible interval at {@code
 * level} (for example 0.9: 5 % to 95 %).
 */
public record Confidence(double probability, double low, double high, double level) {}
