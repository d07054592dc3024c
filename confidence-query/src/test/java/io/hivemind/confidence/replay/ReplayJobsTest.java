package io.hivemind.confidence.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayProgress;
import io.hivemind.replay.ReplayResult;
import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.SettingsValidator;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walk.Walk;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import io.hivemind.schema.AvroSerdes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job life cycle, with a stand-in for the replay's long part; the real one runs on a broker.
 */
@Timeout(60)
class ReplayJobsTest {

  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final Replay.Plan PLAN =
      new Replay.Plan(
          SettingsValidator.validate(
              new ReplayRequest("2026-11-01", "2026-11-02", null, null, null, null, null, null)),
          List.of());

  @TempDir Path dir;

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicInteger runs = new AtomicInteger();
  private ReplayJobs jobs;

  @AfterEach
  void close() {
    release.countDown();
    if (jobs != null) {
      jobs.close();
    }
  }

  @Test
  void shouldSayWhyAJobFailed() {
    jobs = jobs(1, (plan, progress, cancelled) -> failWith("the broker went away"));

    UUID id = jobs.submit(PLAN).orElseThrow().id();

    JobRecord failed = awaitStatus(id, JobStatus.FAILED);
    assertThat(failed.error()).contains("the broker went away");
    assertThat(failed.started()).isNotNull();
    assertThat(failed.finished()).isNotNull();
  }

  @Test
  void shouldRefuseAJobWhenTheQueueIsFullAndKeepNoTraceOfIt() throws Exception {
    jobs = jobs(1, this::blockUntilReleased);
    jobs.submit(PLAN).orElseThrow();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    jobs.submit(PLAN).orElseThrow();

    assertThat(jobs.submit(PLAN)).isEmpty();
    assertThat(jobs.history()).hasSize(2);
  }

  @Test
  void shouldNeverRunAJobCancelledWhileItWaited() throws Exception {
    jobs = jobs(2, this::blockUntilReleased);
    UUID running = jobs.submit(PLAN).orElseThrow().id();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    UUID waiting = jobs.submit(PLAN).orElseThrow().id();

    assertThat(jobs.cancel(waiting)).contains(ReplayJobs.Cancellation.CANCELLED);
    release.countDown();

    awaitStatus(running, JobStatus.FAILED);
    assertThat(runs).hasValue(1);
    assertThat(jobs.find(waiting).orElseThrow().record().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(jobs.cancel(waiting)).contains(ReplayJobs.Cancellation.ALREADY_ENDED);
  }

  @Test
  void shouldShowProgressAndStopARunningJobWhenCancelled() {
    jobs = jobs(1, this::runUntilCancelled);
    UUID id = jobs.submit(PLAN).orElseThrow().id();

    JobSnapshot running =
        await()
            .atMost(BOUND)
            .until(() -> jobs.find(id).orElseThrow(), snapshot -> snapshot.progress() != null);
    assertThat(running.record().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.progress().read()).isEqualTo(5);

    assertThat(jobs.cancel(id)).contains(ReplayJobs.Cancellation.STOPPING);
    JobRecord cancelled = awaitStatus(id, JobStatus.CANCELLED);
    assertThat(cancelled.finished()).isNotNull();
    assertThat(jobs.find(id).orElseThrow().progress()).isNull();
  }

  @Test
  void shouldRunAWalkForwardInTheSameQueueAndKeepItsKind() {
    jobs = jobs(1, (plan, progress, cancelled) -> failWith("not a replay"));
    WalkForwardSettings settings =
        WalkForwardValidator.validate(
            new WalkForwardRequest(
                "2026-11-01",
                "2026-11-04",
                null,
                null,
                "2d",
                "1d",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));

    UUID id =
        jobs.submit(
                new WalkForwardReplay.Plan(
                    settings, new Replay.Plan(settings.replaySettings(), List.of())))
            .orElseThrow()
            .id();

    JobRecord done = awaitStatus(id, JobStatus.DONE);
    assertThat(done.kind()).isEqualTo(JobKind.WALK_FORWARD);
    assertThat(done.walkForward().inSample()).isEqualTo("2d");
    assertThat(done.settings()).isNull();
    assertThat(done.headlines())
        .extracting(Headline::halfLife)
        .containsExactly("walk-forward", "30d");
    assertThat(jobs.file(id, "report.json")).isPresent();
    assertThat(jobs.file(id, "report.html")).isPresent();
    assertThat(jobs.file(id, "decisions.csv")).isEmpty();
  }

  @Test
  void shouldFindNoJobThatWasNeverSubmitted() {
    jobs = jobs(1, this::blockUntilReleased);

    assertThat(jobs.find(UUID.randomUUID())).isEmpty();
    assertThat(jobs.cancel(UUID.randomUUID())).isEmpty();
  }

  private ReplayJobs jobs(int capacity, ReplayJobs.Runner runner) {
    return new ReplayJobs(
        new JobStore(dir),
        "test:1",
        capacity,
        (plan, progress, cancelled) -> {
          runs.incrementAndGet();
          return runner.run(plan, progress, cancelled);
        },
        (plan, progress, cancelled) -> {
          progress.accept(ReplayProgress.of(3, 3, 1_000_000));
          return WalkForwardReplay.result(
              plan.settings(),
              "test",
              List.of(),
              new InputCard(0, "-"),
              new Walk(
                  plan.settings().replaySettings(),
                  AvroSerdes.withoutRegistry(),
                  "signals",
                  "outcomes"));
        },
        Clock.systemUTC());
  }

  private JobRecord awaitStatus(UUID id, JobStatus status) {
    return await()
        .atMost(BOUND)
        .until(() -> jobs.find(id).orElseThrow().record(), record -> record.status() == status);
  }

  private ReplayResult blockUntilReleased(
      Replay.Plan plan, Consumer<ReplayProgress> progress, BooleanSupplier cancelled) {
    started.countDown();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return failWith("released");
  }

  private ReplayResult runUntilCancelled(
      Replay.Plan plan, Consumer<ReplayProgress> progress, BooleanSupplier cancelled) {
    progress.accept(new ReplayProgress(5, 10, 5, 1));
    await().atMost(BOUND).until(cancelled::getAsBoolean);
    throw new CancellationException("replay cancelled");
  }

  private static ReplayResult failWith(String reason) {
    throw new IllegalStateException(reason);
  }
}
