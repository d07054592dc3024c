package io.hivemind.confidence.replay;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;

/** The replay jobs' settings ({@code hivemind.replay.*}); defaults in application.properties. */
@ConfigMapping(prefix = "hivemind.replay")
public interface ReplayConfig {

  /** Where every job keeps its job.json and report files, one directory per job. */
  Path dir();

  /** How many replays may wait while one runs; more are refused with 429. */
  int queueCapacity();

  /** What a 429 tells the caller to wait before asking again. */
  Duration retryAfter();
}
