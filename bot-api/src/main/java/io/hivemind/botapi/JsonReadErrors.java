package io.hivemind.botapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Says which field of a request body Jackson could not read, as a {@link Violation} with the JSON
 * path the bot wrote ({@code price}, {@code signals[3].side}), or {@code body} when the body as a
 * whole is not JSON of the right shape.
 */
final class JsonReadErrors {

  private JsonReadErrors() {}

  static Problem problemOf(JsonProcessingException exception) {
    return Problem.invalidRequest(List.of(violationOf(exception)));
  }

  static Violation violationOf(JsonProcessingException exception) {
    // databind wraps a parser error met inside a collection, with a path that stops at the item
    if (exception.getCause() instanceof StreamReadException read) {
      return violationOf(read);
    }
    if (exception instanceof StreamReadException read) {
      return violationOf(read);
    }
    if (exception instanceof JsonMappingException mapping) {
      String path = pathOf(mapping.getPath());
      return path.isEmpty()
          ? new Violation(Violation.BODY, "must be a JSON object of the documented shape")
          : new Violation(path, expectedType(mapping));
    }
    return new Violation(Violation.BODY, "is not valid JSON");
  }

  private static Violation violationOf(StreamReadException read) {
    if (read instanceof JsonEOFException) {
      return new Violation(Violation.BODY, "is not complete JSON");
    }
    if (isBadValueLiteral(read) && read.getProcessor() != null) {
      return new Violation(
          pathOf(read.getProcessor().getParsingContext()),
          "is not a JSON value (NaN and Infinity are not JSON numbers)");
    }
    return new Violation(Violation.BODY, "is not valid JSON");
  }

  /**
   * Whether the parser failed on a value literal ({@code NaN}, {@code Infinity}, {@code tru})
   * rather than on the structure around it. Jackson has no error codes and its parser state looks
   * the same in both cases, so its stable message prefixes are the signal; the tests pin them.
   */
  private static boolean isBadValueLiteral(StreamReadException read) {
    String message = read.getOriginalMessage();
    return message != null
        && (message.startsWith("Non-standard token") || message.startsWith("Unrecognized token"));
  }

  private static String expectedType(JsonMappingException mapping) {
    if (!(mapping instanceof MismatchedInputException mismatched)
        || mismatched.getTargetType() == null) {
      return "has a value of the wrong type";
    }
    Class<?> target = mismatched.getTargetType();
    if (target == Double.class || target == double.class || target == Float.class) {
      return "must be a number";
    }
    if (target == Integer.class || target == int.class || target == Long.class) {
      return "must be an integer";
    }
    if (target == String.class) {
      return "must be a string";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(target) || target.isRecord()) {
      return "must be an object";
    }
    return "has a value of the wrong type";
  }

  private static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        appendName(path, reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String pathOf(JsonStreamContext innermost) {
    Deque<JsonStreamContext> fromRoot = new ArrayDeque<>();
    for (JsonStreamContext context = innermost; context != null; context = context.getParent()) {
      fromRoot.push(context);
    }
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext context : fromRoot) {
      if (context.inObject() && context.hasCurrentName()) {
        appendName(path, context.getCurrentName());
      } else if (context.inArray()) {
        path.append('[').append(Math.max(0, context.getCurrentIndex())).append(']');
      }
    }
    return path.isEmpty() ? Violation.BODY : path.toString();
  }

  private static void appendName(StringBuilder path, String name) {
    if (!path.isEmpty()) {
      path.append('.');
    }
    path.append(name);
  }
}
