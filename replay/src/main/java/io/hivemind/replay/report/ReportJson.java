package io.hivemind.replay.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** {@code report.json}'s bytes: indented, fields in declaration order, a newline at the end. */
public final class ReportJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  public static String render(ReplayReport report) {
    try {
      return JSON.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report is plain records", e);
    }
  }

  public static String render(WalkForwardReport report) {
    try {
      return JSON.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report is plain records", e);
    }
  }

  public static WalkForwardReport parseWalkForward(String json) {
    try {
      return JSON.readValue(json, WalkForwardReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a walk-forward report: " + e.getOriginalMessage(), e);
    }
  }

  public static ReplayReport parse(String json) {
    try {
      return JSON.readValue(json, ReplayReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a replay report: " + e.getOriginalMessage(), e);
    }
  }
}
