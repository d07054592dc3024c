package io.hivemind.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The gateway's own settings ({@code hivemind.ingest.*}); their defaults live in
 * application.properties only, so there is one place to read them.
 */
@ConfigMapping(prefix = "hivemind.ingest")
public interface IngestConfig {

  /** How long a request waits for the broker's acknowledgement before answering 503. */
  Duration sendTimeout();

  /** How many signals and outcomes one {@code /api/events} request may carry. */
  int maxBatch();

  /** How far in the future a bot's event time may be. */
  Duration maxClockSkew();

  /** The largest request body accepted; larger ones are answered 413. */
  MemorySize maxBodySize();

  /** What a 503 tells the bot to wait before it retries. */
  Duration retryAfter();

  /**
   * What a 429 for a full backlog of outcomes waiting for their signals tells the bot to wait (ADR
   * 12): time to post the signals; the backlog also empties by itself at the join horizon.
   */
  Duration backlogRetryAfter();

  /**
   * How often the gateway measures its clock against the broker's (ADR 16); event timestamps and
   * the event-time checks use the host clock corrected by the latest measurement.
   */
  Duration clockProbeInterval();

  /**
   * How far this host's clock may be from the broker's before it is logged as a warning; and, once
   * the broker's time cannot be measured any more, before readiness goes down.
   */
  Duration maxClockOffset();
}
