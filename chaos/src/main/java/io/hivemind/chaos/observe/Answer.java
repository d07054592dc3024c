package io.hivemind.chaos.observe;

/**
 * One HTTP attempt of one bot and what came of it, kept small: a five-minute drill holds tens of
 * thousands.
 *
 * @param user the simulated user whose bot sent it
 * @param endpoint method and path, e.g. {@code POST /api/signals}
 * @param sentMillis when it was sent (epoch milliseconds)
 * @param answeredMillis when its answer or failure came
 * @param status the HTTP status, or -1: no answer (no connection, a timeout)
 * @param retryAfter whether the answer carried {@code Retry-After}
 * @param problem whether the answer was {@code application/problem+json}
 * @param tradingState the {@code trading_state} a 2xx answer named, or null
 * @param takeTrade the {@code take_trade} of a confidence answer, or null
 */
public record Answer(
    String user,
    String endpoint,
    long sentMillis,
    long answeredMillis,
    int status,
    boolean retryAfter,
    boolean problem,
    String tradingState,
    Boolean takeTrade) {

  public static final int NO_ANSWER = -1;

  public boolean answered() {
    return status != NO_ANSWER;
  }

  /**
   * A 503 as the contract has it: problem+json with {@code Retry-After}, a bot waits and retries.
   */
  public boolean wellFormed503() {
    return status == 503 && retryAfter && problem;
  }

  /**
   * A server error a bot cannot act on: any 5xx but a well-formed 503 (a bare 500, a 502 from
   * nowhere, a 503 without {@code Retry-After}).
   */
  public boolean bareServerError() {
    return status >= 500 && !wellFormed503();
  }

  /** No answer, or an answer that says "not now". */
  public boolean unavailable() {
    return !answered() || status == 503 || status == 502 || status == 504;
  }
}
