package io.hivemind.bench.load;

import io.hivemind.bench.BenchmarkFailed;
import java.time.Duration;

/** One request before a benchmark starts: the stack must answer it with a 2xx. */
public final class Preflight {

  private Preflight() {}

  /** Thrown when a part of the stack a benchmark needs is not there, with what to do. */
  public static final class NotReady extends BenchmarkFailed {
    public NotReady(String message) {
      super(message);
    }
  }

  /**
   * GETs {@code path} (POSTs {@code jsonBody} when it is not null) once.
   *
   * @param what names the part in the message, e.g. {@code "ingest-gateway"}
   */
  public static void check(
      LoadGenerator load, String baseUrl, String path, String jsonBody, String what) {
    LoadRequest request =
        jsonBody == null ? LoadRequest.get(path) : LoadRequest.postJson(path, jsonBody);
    LoadResult result =
        ClosedLoop.run(
            load, baseUrl, 1, i -> i == 0 ? request : null, Duration.ZERO, Duration.ofSeconds(30));
    if (result.ok() == 1) {
      return;
    }
    if (result.statuses().containsKey(LoadResult.FAILED)) {
      throw new NotReady(
          "cannot reach " + what + " at " + baseUrl + ": is the stack up (./hivemind up)?");
    }
    throw new NotReady(what + " answered " + result.statusLine() + " to " + path);
  }
}
