package io.hivemind.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One bad field of a request. {@code field} is the JSON path as the bot wrote it ({@code side},
 * {@code features.rsi}, {@code signals[3].price}) or {@code body} when the whole body is at fault.
 */
public record Violation(
    @JsonProperty("field") String field, @JsonProperty("message") String message) {

  public static final String BODY = "body";
}
