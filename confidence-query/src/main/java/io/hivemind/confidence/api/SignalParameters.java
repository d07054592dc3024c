package io.hivemind.confidence.api;

/**
 * A signal as {@code GET /api/ml/win_probability} takes it: query parameters, all still text so
 * that a bad one is named instead of failing the whole request with a bare 404.
 */
record SignalParameters(
    String userId,
    String symbol,
    String side,
    String rsi,
    String vwapZ,
    String atr,
    String volumeRatio,
    String timestamp,
    String threshold) {}
