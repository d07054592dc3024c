package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hivemind replay} as an analyst runs it after a demo: the report with its pictures, the
 * same bytes on a rerun, and clear refusals of bad arguments.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class ReplayEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  // the last day, and an hour ahead for a demo that is about to run: fixed once for both runs
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String TODAY = NOW.minus(Duration.ofDays(1)).toString();
  private static final String TOMORROW = NOW.plus(Duration.ofHours(1)).toString();

  private static LocalStack stack;

  @BeforeAll
  static void aDemoHasRun(LocalStack shared) throws Exception {
    stack = shared;
    stack.aFleetHasTraded();
  }

  @Test
  void theReportIsWrittenWithItsPicturesAndARerunWritesTheSameBytes(@TempDir Path dir)
      throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    String printed = replay(first);
    replay(second);

    assertThat(printed).contains("threshold 0.5", "threshold 0.6", "live", "Wrote");
    for (String file : List.of("report.json", "report.html", "decisions.csv")) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file).isEqualTo(-1);
    }
    JsonNode report = JSON.readTree(first.resolve("report.json").toFile());
    assertThat(report.at("/run/input/records").asLong()).isPositive();
    assertThat(report.at("/run/input/sha256").asText()).hasSize(64);
    assertThat(report.at("/run/topics/0/topic").asText()).isEqualTo("hivemind.signals");
    JsonNode variant = report.at("/results/0");
    assertThat(variant.at("/live/trades").asLong()).isPositive();
    assertThat(variant.at("/thresholds")).hasSize(2);
    assertThat(variant.at("/calibration")).hasSize(10);
    assertThat(Files.readString(first.resolve("report.html")))
        .contains("<svg class=\"equity\"", "<polyline", "<svg class=\"reliability\"")
        .doesNotContain("<script", "http://", "https://");
    assertThat(Files.readAllLines(first.resolve("decisions.csv")))
        .hasSizeGreaterThan(1)
        .first()
        .asString()
        .startsWith("half_life,scheme,record_time");
  }

  @Test
  void badArgumentsAreRefusedWithTheReasonAndExitStatusTwo(@TempDir Path dir) throws Exception {
    String out = dir.toString();
    assertRefused(
        "to: must be after from", "replay", "--from", TOMORROW, "--to", TODAY, "--out", out);
    assertRefused(
        "no signals or outcomes were recorded between",
        "replay",
        "--from",
        "2020-01-01",
        "--to",
        "2020-02-01",
        "--out",
        out);
    assertRefused(
        "unknown symbol ZZZ",
        "replay",
        "--from",
        TODAY,
        "--to",
        TOMORROW,
        "--symbols",
        "ZZZ",
        "--out",
        out);
    assertRefused("--out: is required", "replay", "--from", TODAY, "--to", TOMORROW);
  }

  private static String replay(Path out) throws Exception {
    return stack.hivemind(
        "replay",
        "--from",
        TODAY,
        "--to",
        TOMORROW,
        "--threshold",
        "0.5,0.6",
        "--out",
        out.toString());
  }

  private static void assertRefused(String reason, String... args) throws Exception {
    LocalStack.Finished finished = stack.attempt(args);
    assertThat(finished.status()).as(String.join(" ", args)).isEqualTo(2);
    assertThat(finished.output()).contains(reason);
  }
}
