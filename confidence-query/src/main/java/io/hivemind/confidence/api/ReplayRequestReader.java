package io.hivemind.confidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Violation;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.WalkForwardRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads a replay's JSON body strictly: a misspelt setting ({@code threshold} for {@code
 * thresholds}) would otherwise be ignored and the replay run with the live value instead. Other
 * JSON errors go to bot-api's mappers, which name the field.
 */
@ApplicationScoped
class ReplayRequestReader {

  private final ObjectReader reader;
  private final ObjectReader walkForwardReader;

  ReplayRequestReader(ObjectMapper json) {
    this.reader =
        json.readerFor(ReplayRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.walkForwardReader =
        json.readerFor(WalkForwardRequest.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  ReplayRequest read(String body) throws JsonProcessingException {
    return read(reader, body);
  }

  WalkForwardRequest readWalkForward(String body) throws JsonProcessingException {
    return read(walkForwardReader, body);
  }

  private static <T> T read(ObjectReader reader, String body) throws JsonProcessingException {
    T request;
    try {
      request = reader.readValue(body == null ? "" : body);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidRequestException(
          List.of(
              new Violation(
                  e.getPropertyName(),
                  "is not a replay setting; they are "
                      + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())));
    }
    if (request == null) {
      throw new InvalidRequestException(
          List.of(new Violation(Violation.BODY, "must be a JSON object of replay settings")));
    }
    return request;
  }
}
