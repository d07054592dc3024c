package io.hivemind.analytics.domain;

/**
 * A figure of the community as an answer may show it: shown, with how many distinct users it was
 * computed from, or withheld with the reason (said in the answer, never a silent gap).
 */
public sealed interface CommunityFigure<T> {

  record Shown<T>(T value, int users) implements CommunityFigure<T> {}

  record Withheld<T>(String reason) implements CommunityFigure<T> {}
}
