package io.hivemind.simulator.strategy;

import java.time.Instant;
import java.util.Map;

/**
 * An entry the strategy proposes at {@code time} (the close of the bar it saw): the target is the
 * VWAP, the stop the far band. Prices are raw; the caller rounds them to its instrument's ticks.
 * {@code features} are exactly the ones a bot sends: rsi, vwap_z, atr, volume_ratio.
 */
public record StrategySignal(
    Instant time,
    TradeSide side,
    double price,
    double vwap,
    double std,
    double target,
    double stop,
    Map<String, Double> features) {}
