package io.hivemind.replay.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over every record read, in the order read: two runs over the same input agree. */
public final class InputDigest {

  private final MessageDigest sha256;
  private final ByteBuffer header = ByteBuffer.allocate(1 + 4 + 8 + 8 + 4 + 4);
  private long records;

  public InputDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public void add(LogEvent event) {
    byte[] key = event.key() == null ? new byte[0] : event.key().getBytes(StandardCharsets.UTF_8);
    byte[] value = event.value() == null ? new byte[0] : event.value();
    header.clear();
    header
        .put((byte) event.source().ordinal())
        .putInt(event.partition())
        .putLong(event.offset())
        .putLong(event.timestamp())
        .putInt(key.length)
        .putInt(value.length);
    sha256.update(header.array());
    sha256.update(key);
    sha256.update(value);
    records++;
  }

  public long records() {
    return records;
  }

  public String sha256() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) sha256.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests clone", e);
    }
  }
}
