package io.hivemind.confidence.api;

import io.hivemind.rules.answer.ConfidenceQuery;

/** A validated win-probability request: what to estimate and the bar for taking the trade. */
record Question(ConfidenceQuery query, double threshold) {}
