package io.hivemind.confidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hivemind.access.domain.Role;
import io.hivemind.access.http.RequiresRole;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Problem;
import io.hivemind.botapi.ProblemResponses;
import io.hivemind.botapi.Violation;
import io.hivemind.confidence.replay.JobRecord;
import io.hivemind.confidence.replay.JobSnapshot;
import io.hivemind.confidence.replay.JobStatus;
import io.hivemind.confidence.replay.ReplayConfig;
import io.hivemind.confidence.replay.ReplayJobs;
import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayOutput;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.SettingsValidator;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.common.KafkaException;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Backtests as jobs: {@code POST /simulate} (a replay) and {@code POST /walk-forward} (a
 * walk-forward optimisation) check the settings against the log at once (400 naming the field) and
 * queue the job (202); the job is followed at {@code /{id}} and every run is listed at {@code
 * /historical}. The methods block (files, Kafka metadata), so they run on worker threads, never the
 * event loop that answers win probabilities; the replay itself runs on its own thread ({@link
 * ReplayJobs}).
 */
// Replays need role analyst (or admin, which covers it): a bot key gets 403. What a replay returns
// is the fleet's record, not one user's: its settings range over every user's signals and outcomes,
// the report is fleet-wide aggregates, and decisions.csv lists each replayed decision with its
// user id. That is for analysts of the whole fleet; bots read only their own user's data.
@RequiresRole(Role.ANALYST)
@Path("/api/replay")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

  static final int DEFAULT_HISTORY = 100;
  static final int MAX_HISTORY = 1000;

  private static final String HTML = "text/html; charset=utf-8";
  private static final String CSV = "text/csv; charset=utf-8";

  private final Replay replay;
  private final ReplayJobs jobs;
  private final ReplayConfig config;
  private final ReplayRequestReader reader;
  private final WalkForwardReplay walkForward;

  ReplayResource(
      Replay replay,
      WalkForwardReplay walkForward,
      ReplayJobs jobs,
      ReplayConfig config,
      ReplayRequestReader reader) {
    this.replay = replay;
    this.walkForward = walkForward;
    this.jobs = jobs;
    this.config = config;
    this.reader = reader;
  }

  @POST
  @Path("/simulate")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response simulate(String body) throws JsonProcessingException {
    var settings = SettingsValidator.validate(reader.read(body));
    Replay.Plan plan;
    try {
      plan = replay.plan(settings);
    } catch (KafkaException e) {
      return ProblemResponses.unavailable(
          "the topics cannot be read now: " + e.getMessage(), config.retryAfter());
    }
    checkRecords(plan.records());
    return jobs.submit(plan).map(ReplayResource::accepted).orElseGet(this::queueFull);
  }

  /**
   * A walk-forward optimisation as a job in the same queue: 202 once its settings are checked
   * against the log, then followed at {@code /{id}} like a replay (progress, report.json,
   * report.html).
   */
  @POST
  @Path("/walk-forward")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response walkForward(String body) throws JsonProcessingException {
    var settings = WalkForwardValidator.validate(reader.readWalkForward(body));
    WalkForwardReplay.Plan plan;
    try {
      plan = walkForward.plan(settings);
    } catch (KafkaException e) {
      return ProblemResponses.unavailable(
          "the topics cannot be read now: " + e.getMessage(), config.retryAfter());
    }
    checkRecords(plan.records());
    return jobs.submit(plan).map(ReplayResource::accepted).orElseGet(this::queueFull);
  }

  @GET
  @Path("/historical")
  public List<ReplayRunSummary> historical(@RestQuery("limit") String limit) {
    return jobs.history().stream().limit(limit(limit)).map(ReplayRunSummary::of).toList();
  }

  @GET
  @Path("/{id}")
  public Response job(@RestPath String id) {
    UUID job = id(id);
    return jobs.find(job)
        .map(snapshot -> Response.ok(ReplayJobResponse.of(snapshot, report(snapshot))).build())
        .orElseGet(() -> notFound(job));
  }

  /** Stops a queued or running job; one that has ended is a 409. */
  @DELETE
  @Path("/{id}")
  public Response cancel(@RestPath String id) {
    UUID job = id(id);
    return jobs.cancel(job).map(outcome -> cancelled(job, outcome)).orElseGet(() -> notFound(job));
  }

  @GET
  @Path("/{id}/report.html")
  @Produces(MediaType.TEXT_HTML)
  public Response reportHtml(@RestPath String id) {
    return file(id(id), ReplayOutput.REPORT_HTML, HTML);
  }

  @GET
  @Path("/{id}/decisions.csv")
  @Produces("text/csv")
  public Response decisionsCsv(@RestPath String id) {
    UUID job = id(id);
    Response file = file(job, ReplayOutput.DECISIONS_CSV, CSV);
    return file.getStatus() != 200
        ? file
        : Response.fromResponse(file)
            .header(
                "Content-Disposition",
                "inline; filename=\"replay-" + job + "-" + ReplayOutput.DECISIONS_CSV + "\"")
            .build();
  }

  private void checkRecords(long records) {
    if (records > config.maxRecords()) {
      // a replay holds its decisions and the range's signals in this service's heap
      throw new InvalidSettingsException(
          "from",
          String.format(
              "the range holds %,d records; the API replays at most %,d: narrow the range or run"
                  + " ./hivemind replay",
              records, config.maxRecords()));
    }
  }

  private static Response accepted(JobRecord record) {
    return Response.accepted(ReplayAccepted.of(record))
        .location(URI.create(ReplayLinks.self(record.id())))
        .build();
  }

  private Response queueFull() {
    long seconds = Math.max(1, config.retryAfter().toSeconds());
    return Response.fromResponse(
            ProblemResponses.of(
                Problem.ofStatus(
                    429,
                    "Too Many Requests",
                    "a replay is running and "
                        + config.queueCapacity()
                        + " are waiting; ask again later")))
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .build();
  }

  private Response cancelled(UUID job, ReplayJobs.Cancellation cancellation) {
    return switch (cancellation) {
      case CANCELLED -> current(job, 200);
      case STOPPING -> current(job, 202);
      case ALREADY_ENDED ->
          ProblemResponses.of(
              Problem.ofStatus(409, "Conflict", "replay " + job + " has already ended"));
      case ELSEWHERE ->
          ProblemResponses.of(
              Problem.ofStatus(
                  409,
                  "Conflict",
                  "replay " + job + " runs on another instance; only it can cancel the replay"));
    };
  }

  private Response current(UUID job, int status) {
    return jobs.find(job)
        .map(
            snapshot ->
                Response.status(status).entity(ReplayJobResponse.of(snapshot, null)).build())
        .orElseGet(() -> notFound(job));
  }

  private Response file(UUID job, String name, String type) {
    return jobs.file(job, name)
        .map(path -> Response.ok(path.toFile(), type).build())
        .orElseGet(
            () ->
                ProblemResponses.of(
                    Problem.ofStatus(
                        404,
                        "Not Found",
                        jobs.find(job)
                            .map(snapshot -> missing(job, name, snapshot.record()))
                            .orElse("no replay " + job))));
  }

  private static String missing(UUID job, String name, JobRecord record) {
    return record.status() == JobStatus.DONE
        ? "replay " + job + " has no " + name + " (a walk-forward writes none)"
        : "replay " + job + " has no " + name + " (it is not done)";
  }

  /** report.json as written, for a job that is done. */
  private String report(JobSnapshot snapshot) {
    if (snapshot.record().status() != JobStatus.DONE) {
      return null;
    }
    return jobs.file(snapshot.record().id(), ReplayOutput.REPORT_JSON)
        .map(
            path -> {
              try {
                return Files.readString(path);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .orElse(null);
  }

  private static Response notFound(UUID job) {
    return ProblemResponses.of(Problem.ofStatus(404, "Not Found", "no replay " + job));
  }

  /** A job id is a UUID as this service wrote it; anything else names no file of ours. */
  private static UUID id(String id) {
    try {
      UUID parsed = UUID.fromString(id);
      if (parsed.toString().equals(id.toLowerCase(Locale.ROOT))) {
        return parsed;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new InvalidRequestException(
        List.of(new Violation("id", "'" + id + "' is not a replay id (a UUID)")));
  }

  private static long limit(String limit) {
    if (limit == null) {
      return DEFAULT_HISTORY;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_HISTORY) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException(
        List.of(new Violation("limit", "must be a whole number from 1 to " + MAX_HISTORY)));
  }
}
