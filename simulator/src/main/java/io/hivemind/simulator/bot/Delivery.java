package io.hivemind.simulator.bot;

/** What became of one event a bot sent. */
public enum Delivery {
  /** 2xx: the service has it. */
  ACCEPTED,
  /** 4xx other than 429: the service refused it as invalid; sending it again would not help. */
  REJECTED,
  /** No success after the bounded retries, a server error, or the run stopped meanwhile. */
  FAILED
}
