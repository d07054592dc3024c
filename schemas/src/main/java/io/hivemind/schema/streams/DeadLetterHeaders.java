package io.hivemind.schema.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Header names a dead letter carries: why it was rejected and where it came from. */
public final class DeadLetterHeaders {

  public static final String REASON = "hivemind.dlq.reason";
  public static final String TOPIC = "hivemind.dlq.topic";
  public static final String PARTITION = "hivemind.dlq.partition";
  public static final String OFFSET = "hivemind.dlq.offset";

  private DeadLetterHeaders() {}

  public static void add(Headers headers, String name, Object value) {
    headers.remove(name);
    headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  }
}
