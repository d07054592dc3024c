package io.hivemind.simulator.keys;

import io.hivemind.access.domain.ApiKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The API keys minted for one run, one per user, in the order they were written. A key's secret
 * leaves this class only as the value of an {@code Authorization} header: never in {@link
 * #toString} or an exception message.
 */
public final class BotKeys {

  private final Map<String, ApiKey> byUser;
  private final String lastUser;

  private BotKeys(Map<String, ApiKey> byUser) {
    if (byUser.isEmpty()) {
      throw new IllegalArgumentException("no keys");
    }
    this.byUser = Collections.unmodifiableMap(new LinkedHashMap<>(byUser));
    String last = null;
    for (String user : byUser.keySet()) {
      last = user;
    }
    this.lastUser = last;
  }

  /** {@code byUser} in the order the keys were written: the last one was written last. */
  public static BotKeys of(Map<String, ApiKey> byUser) {
    return new BotKeys(byUser);
  }

  /** {@code Authorization} header value for {@code key}: {@code Bearer hm_<id>_<secret>}. */
  public static String bearer(ApiKey key) {
    return "Bearer " + key.reveal();
  }

  /**
   * @throws IllegalArgumentException when no key was minted for {@code userId}
   */
  public ApiKey keyOf(String userId) {
    ApiKey key = byUser.get(userId);
    if (key == null) {
      throw new IllegalArgumentException("no key was minted for user " + userId);
    }
    return key;
  }

  /** The {@code Authorization} header value of the user's key. */
  public String authorization(String userId) {
    return bearer(keyOf(userId));
  }

  public Set<String> users() {
    return byUser.keySet();
  }

  /**
   * The user whose key was written last. Each service reads the key topic (one partition) in order,
   * so once it accepts this user's key it has read every key of the run.
   */
  public String lastUser() {
    return lastUser;
  }

  public int size() {
    return byUser.size();
  }

  @Override
  public String toString() {
    return "BotKeys[" + byUser.size() + " keys, last for " + lastUser + "]";
  }
}
