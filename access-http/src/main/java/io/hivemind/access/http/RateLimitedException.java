package io.hivemind.access.http;

import jakarta.ws.rs.core.Response;

/** A request over its key's event budget, found once its body was read: answered 429. */
public class RateLimitedException extends RuntimeException {

  private final transient Response answer;

  RateLimitedException(Response answer) {
    super("over the key's event budget", null, false, false);
    this.answer = answer;
  }

  Response answer() {
    return answer;
  }
}
