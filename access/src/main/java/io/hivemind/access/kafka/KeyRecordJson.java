package io.hivemind.access.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A key record as the value of {@code hivemind.api-keys}: a JSON object with snake_case fields.
 * JSON rather than Avro keeps authentication independent of the schema registry: a service can tell
 * who is asking while the registry is away. Fields it does not know are ignored, so a later version
 * may add some; {@code private_user} is written only when true and absent reads as false, so
 * records written before it existed still read.
 */
public final class KeyRecordJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private KeyRecordJson() {}

  public static byte[] toJson(KeyRecord record) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key_id", record.keyId());
    node.put("secret_hash", record.secretHash());
    node.put("user_id", record.userId());
    node.put("tier", record.tier().wire());
    node.put("role", record.role().wire());
    node.put("created_at", record.createdAt().toString());
    node.put("created_by", record.createdBy());
    if (record.privateUser()) {
      node.put("private_user", true);
    }
    if (record.isRevoked()) {
      node.put("revoked_at", record.revokedAt().toString());
      node.put("revoked_by", record.revokedBy());
      node.put("revoke_reason", record.revokeReason());
    }
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a valid key record, naming why
   */
  public static KeyRecord fromJson(byte[] json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("not readable: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    try {
      return new KeyRecord(
          required(node, "key_id"),
          required(node, "secret_hash"),
          required(node, "user_id"),
          Tier.fromWire(required(node, "tier")),
          Role.fromWire(required(node, "role")),
          Instant.parse(required(node, "created_at")),
          required(node, "created_by"),
          instant(optional(node, "revoked_at")),
          optional(node, "revoked_by"),
          optional(node, "revoke_reason"),
          flag(node, "private_user"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("a time is not ISO-8601: " + e.getParsedString(), e);
    }
  }

  private static String required(JsonNode node, String field) {
    String value = optional(node, field);
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.asText();
  }

  /** An optional boolean: absent or null is false. */
  private static boolean flag(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(field + " must be true or false");
    }
    return value.booleanValue();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
