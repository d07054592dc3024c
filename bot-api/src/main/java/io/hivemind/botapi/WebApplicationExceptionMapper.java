package io.hivemind.botapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Keeps the status of a {@link WebApplicationException} (404, 405, 415 …) and its headers (such as
 * {@code Allow} or {@code Retry-After}) but answers in problem+json like every other error. The
 * JSON body reader wraps syntax errors in a 400 of this type; those are answered naming the field.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (exception.getCause() instanceof JsonProcessingException json) {
      return ProblemResponses.of(JsonReadErrors.problemOf(json));
    }
    Response original = exception.getResponse();
    int status = original == null ? 500 : original.getStatus();
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    Problem problem = Problem.ofStatus(status, title, exception.getMessage());
    Response.ResponseBuilder answer =
        Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    if (original != null) {
      for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
        if (!isEntityHeader(header.getKey())) {
          header.getValue().forEach(value -> answer.header(header.getKey(), value));
        }
      }
    }
    return answer.build();
  }

  private static boolean isEntityHeader(String name) {
    return name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
        || name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH);
  }
}
