package io.hivemind.bench.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * One request a load run sends: method, path (with its query string) and an optional JSON body.
 *
 * @param body null for none; sent as {@code application/json}
 */
public record LoadRequest(HttpMethod method, String path, Buffer body) {

  public static LoadRequest get(String path) {
    return new LoadRequest(HttpMethod.GET, path, null);
  }

  public static LoadRequest postJson(String path, String json) {
    return new LoadRequest(HttpMethod.POST, path, Buffer.buffer(json));
  }
}
