package io.hivemind.replay;

import io.hivemind.replay.report.DecisionsCsv;
import io.hivemind.replay.report.ReportHtml;
import io.hivemind.replay.report.ReportJson;
import io.hivemind.replay.report.WalkForwardHtml;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a replay's files into a directory: {@code report.json}, {@code report.html} and {@code
 * decisions.csv}. Each is written beside and then moved into place, so a reader never sees half a
 * file.
 */
public final class ReplayOutput {

  public static final String REPORT_JSON = "report.json";
  public static final String REPORT_HTML = "report.html";
  public static final String DECISIONS_CSV = "decisions.csv";

  private ReplayOutput() {}

  public static void write(ReplaySettings settings, ReplayResult result, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    writeAtomically(dir.resolve(REPORT_JSON), ReportJson.render(result.report()));
    writeAtomically(dir.resolve(REPORT_HTML), ReportHtml.render(result.report(), result.curves()));
    Path csv = dir.resolve(DECISIONS_CSV + ".part");
    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      DecisionsCsv.write(settings, result.decisions(), out);
    }
    Files.move(
        csv,
        dir.resolve(DECISIONS_CSV),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** A walk-forward optimisation's files: {@code report.json} and {@code report.html}. */
  public static void write(WalkForwardReplay.Result result, Path dir) throws IOException {
    Files.createDirectories(dir);
    writeAtomically(dir.resolve(REPORT_JSON), ReportJson.render(result.report()));
    writeAtomically(
        dir.resolve(REPORT_HTML), WalkForwardHtml.render(result.report(), result.curves()));
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    Files.writeString(part, content, StandardCharsets.UTF_8);
    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
