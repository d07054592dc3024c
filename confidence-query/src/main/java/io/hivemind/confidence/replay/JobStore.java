package io.hivemind.confidence.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The replay jobs on disk, one directory per job ({@code <root>/<id>/}): {@code job.json} and, once
 * done, the replay's own files. It is the record of every run, so runs outlive the process.
 */
public final class JobStore {

  static final String JOB_JSON = "job.json";

  private static final Logger LOG = Logger.getLogger(JobStore.class);

  private final Path root;
  private final ObjectMapper json =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  public JobStore(Path root) {
    this.root = root.toAbsolutePath();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the replay directory " + this.root, e);
    }
  }

  public Path dir(UUID id) {
    return root.resolve(id.toString());
  }

  /** Writes beside and moves into place: a reader never sees half a job.json. */
  void save(JobRecord record) {
    Path dir = dir(record.id());
    Path part = dir.resolve(JOB_JSON + ".part");
    try {
      Files.createDirectories(dir);
      Files.writeString(part, json.writeValueAsString(record) + "\n", StandardCharsets.UTF_8);
      Files.move(
          part,
          dir.resolve(JOB_JSON),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(JOB_JSON), e);
    }
  }

  Optional<JobRecord> find(UUID id) {
    Path file = dir(id).resolve(JOB_JSON);
    return Files.isRegularFile(file) ? read(file) : Optional.empty();
  }

  /** Every job on disk, newest first; a directory without a readable job.json is skipped. */
  List<JobRecord> all() {
    List<JobRecord> records = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      dirs.map(dir -> dir.resolve(JOB_JSON))
          .filter(Files::isRegularFile)
          .forEach(file -> read(file).ifPresent(records::add));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    records.sort(
        Comparator.comparing(JobRecord::created)
            .reversed()
            .thenComparing(record -> record.id().toString()));
    return records;
  }

  /** One of a job's files, when it is there. */
  public Optional<Path> file(UUID id, String name) {
    Path file = dir(id).resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  void delete(UUID id) {
    Path dir = dir(id);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
      Files.delete(dir);
    } catch (IOException e) {
      LOG.warnf(e, "could not delete %s", dir);
    }
  }

  /**
   * Jobs this instance's previous process left queued or running never finish: they are failed,
   * saying why. Other instances sharing the directory keep theirs.
   */
  int failInterrupted(String owner, Instant now) {
    int interrupted = 0;
    for (JobRecord record : all()) {
      if (!record.status().isFinal() && owner.equals(record.owner())) {
        save(record.failed(now, JobRecord.INTERRUPTED));
        interrupted++;
      }
    }
    return interrupted;
  }

  private Optional<JobRecord> read(Path file) {
    try {
      return Optional.of(json.readValue(file.toFile(), JobRecord.class));
    } catch (IOException e) {
      LOG.warnf("skipping %s, which cannot be read: %s", file, e.getMessage());
      return Optional.empty();
    }
  }
}
