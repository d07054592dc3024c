package io.hivemind.notifier.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event to tell its audience, as every destination format renders it.
 *
 * @param id the idempotency key: the same event always has the same id (e.g. {@code
 *     trade.closed:<outcome id>}), so a receiver drops the duplicates at-least-once delivery may
 *     bring
 * @param title one line, e.g. "Trade closed: ES LONG +$250.00"
 * @param text the rest, plain text
 * @param data the event's fields for a program (generic webhooks only)
 */
public record Notification(
    String id,
    EventKind kind,
    Audience audience,
    Instant occurredAt,
    String title,
    String text,
    Map<String, Object> data) {

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(title, "title");
    text = text == null ? "" : text;
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}
