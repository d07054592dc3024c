package io.hivemind.analytics.domain;

/**
 * The community's privacy rule for analytics (as ADR 13 for the confidence): a community figure
 * computed from fewer than k distinct users is withheld, with the reason. Private users are never
 * in a community figure at all: {@link TradeAnalytics} makes no contribution for them, so they are
 * neither counted among the k nor in the figure.
 */
public final class KAnonymity {

  public static final int DEFAULT_K = 5;

  private final int k;

  public KAnonymity(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    this.k = k;
  }

  public int k() {
    return k;
  }

  public <T> CommunityFigure<T> figure(T value, int distinctUsers) {
    if (distinctUsers < k) {
      return new CommunityFigure.Withheld<>(
          "computed from fewer than " + k + " distinct users: withheld for their privacy");
    }
    return new CommunityFigure.Shown<>(value, distinctUsers);
  }

  /** A fleet tally as a community figure; a bucket nobody traded in is withheld too. */
  public CommunityFigure<Tally> figure(Tally tally) {
    return figure(tally, tally == null ? 0 : tally.contributors());
  }
}
