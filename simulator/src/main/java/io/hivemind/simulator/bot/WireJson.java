package io.hivemind.simulator.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON a bot puts on the wire: bot-api's request records through a plain {@link ObjectMapper},
 * the same bytes on every send, every retry and in the events file.
 */
public final class WireJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private WireJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName(), e);
    }
  }
}
