package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.confidence.replay.JobKind;
import io.hivemind.confidence.replay.JobRecord;
import io.hivemind.confidence.replay.JobStatus;
import java.util.UUID;

/** Where a replay job and, once it is done, its pictures and decisions are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplayLinks(
    @JsonProperty("self") String self,
    @JsonProperty("report_html") String reportHtml,
    @JsonProperty("decisions_csv") String decisionsCsv) {

  static final String BASE = "/api/replay/";

  static String self(UUID id) {
    return BASE + id;
  }

  static ReplayLinks of(JobRecord record) {
    String self = self(record.id());
    if (record.status() != JobStatus.DONE) {
      return new ReplayLinks(self, null, null);
    }
    return new ReplayLinks(
        self,
        self + "/report.html",
        record.kind() == JobKind.REPLAY ? self + "/decisions.csv" : null);
  }
}
