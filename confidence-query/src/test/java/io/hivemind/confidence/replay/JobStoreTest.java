package io.hivemind.confidence.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.SettingsValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoreTest {

  private static final String HERE = "127.0.0.1:8081";
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private static final ReplaySettings SETTINGS =
      SettingsValidator.validate(
          new ReplayRequest(
              "2026-11-01", "2026-11-02", null, List.of("ES"), List.of(0.7), null, null, null));

  @TempDir Path dir;

  @Test
  void shouldReadBackWhatItSaved() {
    JobStore store = new JobStore(dir);
    JobRecord done =
        queued(HERE, T0)
            .running(T0.plusSeconds(1))
            .done(T0.plusSeconds(9), List.of(new Headline("30d", "v1", 0.7, 12, 340.5, 0.75)));
    store.save(done);

    assertThat(new JobStore(dir).find(done.id())).contains(done);
    assertThat(done.settings())
        .isEqualTo(
            new ReplayRequest(
                "2026-11-01T00:00:00Z",
                "2026-11-02T00:00:00Z",
                List.of(),
                List.of("ES"),
                List.of(0.7),
                List.of("30d"),
                List.of("v1"),
                "1d",
                "pattern"));
  }

  @Test
  void shouldListJobsNewestFirst() {
    JobStore store = new JobStore(dir);
    JobRecord older = queued(HERE, T0);
    JobRecord newer = queued(HERE, T0.plusSeconds(60));
    store.save(older);
    store.save(newer);

    assertThat(store.all()).extracting(JobRecord::id).containsExactly(newer.id(), older.id());
  }

  @Test
  void shouldFailTheJobsItsEarlierProcessLeftUnfinished() {
    JobStore store = new JobStore(dir);
    JobRecord queued = queued(HERE, T0);
    JobRecord running = queued(HERE, T0).running(T0.plusSeconds(1));
    JobRecord done = queued(HERE, T0).running(T0).done(T0.plusSeconds(2), List.of());
    List.of(queued, running, done).forEach(store::save);

    assertThat(new JobStore(dir).failInterrupted(HERE, T0.plusSeconds(30))).isEqualTo(2);

    for (JobRecord interrupted : List.of(queued, running)) {
      JobRecord now = store.find(interrupted.id()).orElseThrow();
      assertThat(now.status()).isEqualTo(JobStatus.FAILED);
      assertThat(now.error()).isEqualTo("interrupted by a restart");
      assertThat(now.finished()).isEqualTo(T0.plusSeconds(30));
    }
    assertThat(store.find(done.id())).contains(done);
  }

  @Test
  void shouldLeaveTheUnfinishedJobsOfAnotherInstanceAlone() {
    JobStore store = new JobStore(dir);
    JobRecord elsewhere = queued("127.0.0.1:8091", T0).running(T0);
    store.save(elsewhere);

    assertThat(store.failInterrupted(HERE, T0.plusSeconds(30))).isZero();
    assertThat(store.find(elsewhere.id())).contains(elsewhere);
  }

  @Test
  void shouldSkipADirectoryWithoutAReadableJob() throws Exception {
    JobStore store = new JobStore(dir);
    JobRecord job = queued(HERE, T0);
    store.save(job);
    Files.createDirectories(dir.resolve("not-a-job"));
    Path broken = Files.createDirectories(dir.resolve(UUID.randomUUID().toString()));
    Files.writeString(broken.resolve(JobStore.JOB_JSON), "{\"id\":");

    assertThat(store.all()).containsExactly(job);
  }

  private static JobRecord queued(String owner, Instant created) {
    return JobRecord.queued(UUID.randomUUID(), owner, SETTINGS, 42, created);
  }
}
