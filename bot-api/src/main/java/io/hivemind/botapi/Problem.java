package io.hivemind.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@value #MEDIA_TYPE}. {@code violations} is this API's
 * extension member: every bad field, so a bot can fix them all at once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @JsonProperty("type") String type,
    @JsonProperty("title") String title,
    @JsonProperty("status") int status,
    @JsonProperty("detail") String detail,
    @JsonProperty("instance") String instance,
    @JsonProperty("violations") List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** RFC 9457's type for a problem that is no more than its HTTP status. */
  public static final String UNTYPED = "about:blank";

  public static final String INVALID_REQUEST = "urn:hivemind:problem:invalid-request";
  public static final String PAYLOAD_TOO_LARGE = "urn:hivemind:problem:payload-too-large";
  public static final String UNAVAILABLE = "urn:hivemind:problem:unavailable";

  public Problem {
    violations = violations == null ? List.of() : List.copyOf(violations);
  }

  public static Problem invalidRequest(List<Violation> violations) {
    return new Problem(
        INVALID_REQUEST,
        "Invalid request",
        400,
        violations.size() == 1
            ? "1 field is invalid; nothing was accepted"
            : violations.size() + " fields are invalid; nothing was accepted",
        null,
        violations);
  }

  public static Problem payloadTooLarge(long limitBytes) {
    return new Problem(
        PAYLOAD_TOO_LARGE,
        "Payload too large",
        413,
        "the request body is larger than " + limitBytes + " bytes",
        null,
        List.of(new Violation(Violation.BODY, "must be at most " + limitBytes + " bytes")));
  }

  /** The service cannot take the request now; the same request may be retried later. */
  public static Problem unavailable(String detail) {
    return new Problem(UNAVAILABLE, "Service unavailable", 503, detail, null, List.of());
  }

  /** A problem that says no more than its HTTP status (404, 405, 415 …). */
  public static Problem ofStatus(int status, String title, String detail) {
    return new Problem(UNTYPED, title, status, detail, null, List.of());
  }

  public Problem withInstance(String newInstance) {
    return new Problem(type, title, status, detail, newInstance, violations);
  }
}
