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

  /**
   * The most records one replay through the API may read: a replay keeps the range's signals and
   * its decisions in this service's heap (about 1 KiB per record, measured by {@code ./hivemind
   * bench replay}), and the service must keep answering bots.
   */
  long maxRecords();

  /** What a 429 tells the caller to wait before asking again. */
  Duration retryAfter();
}
