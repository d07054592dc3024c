package io.hivemind.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.botapi.Problem;
import io.hivemind.gateway.kafka.PublishException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.junit.jupiter.api.Test;

/**
 * The broker refusing a record's timestamp (more than log.message.timestamp.after.max.ms ahead of
 * its clock) is the gateway's clock, not the bot's request, and passes once the clock probe has
 * corrected it: a 503 the bot retries, never a 500 it must not (issue 13).
 */
class ClockRefusedMappingTest {

  @Test
  void shouldAnswerATimestampTheBrokerRefused503WithRetryAfter() {
    PublishException refused =
        PublishException.of(
            "hivemind.signals",
            new InvalidTimestampException(
                "Timestamp 1796227200000 of message with offset 0 is out of range"));

    Response response = PublishExceptionMapper.toResponse(refused, Duration.ofSeconds(1));

    assertThat(refused.retriable()).isTrue();
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    Problem problem = (Problem) response.getEntity();
    assertThat(problem.type()).isEqualTo(Problem.UNAVAILABLE);
    assertThat(problem.detail()).contains("clock").contains("retry");
  }
}
