package io.hivemind.access.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every key record this instance knows, by key id, and the one question a request asks of them: who
 * does this key belong to? Safe to read from request threads while one thread applies changes.
 */
public final class KeyDirectory {

  /**
   * Compared against when the key id is unknown, so that an unknown id costs the same digest and
   * comparison as a known one.
   */
  private static final String NO_HASH = "0".repeat(64);

  private final ConcurrentMap<String, KeyRecord> byKeyId = new ConcurrentHashMap<>();

  public static KeyDirectory of(Collection<KeyRecord> records) {
    KeyDirectory directory = new KeyDirectory();
    records.forEach(directory::put);
    return directory;
  }

  /** Adds or replaces the record of its key id. */
  public void put(KeyRecord record) {
    byKeyId.put(record.keyId(), record);
  }

  /** Forgets a key id (a tombstone on the topic). */
  public void remove(String keyId) {
    byKeyId.remove(keyId);
  }

  public Optional<KeyRecord> find(String keyId) {
    return Optional.ofNullable(keyId == null ? null : byKeyId.get(keyId));
  }

  /** Every record, oldest first. */
  public List<KeyRecord> records() {
    return byKeyId.values().stream()
        .sorted(Comparator.comparing(KeyRecord::createdAt).thenComparing(KeyRecord::keyId))
        .toList();
  }

  public int size() {
    return byKeyId.size();
  }

  /**
   * The principal of a key as a client presented it ({@code hm_<keyId>_<secret>}); empty when it is
   * malformed, unknown, does not match the stored hash, or was revoked.
   */
  public Optional<Principal> authenticate(String presentedKey) {
    return ApiKey.parse(presentedKey).flatMap(this::verify);
  }

  private Optional<Principal> verify(ApiKey key) {
    KeyRecord record = byKeyId.get(key.keyId());
    boolean matches = key.matches(record == null ? NO_HASH : record.secretHash());
    if (record == null || !matches || record.isRevoked()) {
      return Optional.empty();
    }
    return Optional.of(record.principal());
  }
}
