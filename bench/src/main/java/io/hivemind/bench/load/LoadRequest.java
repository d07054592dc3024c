package io.hivemind.bench.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * One request a load run sends: method, path (with its query string), an optional JSON body and the
 * optional {@code Authorization} value of the user it is for.
 *
 * @param body null for none; sent as {@code application/json}
 * @param authorization null for none (the open no-op baselines); else {@code Bearer <key>}, best
 *     prepared once per user ({@code BenchKeys.header}) rather than per request
 */
public record LoadRequest(HttpMethod method, String path, Buffer body, CharSequence authorization) {

  public static LoadRequest get(String path) {
    return get(path, null);
  }

  public static LoadRequest get(String path, CharSequence authorization) {
    return new LoadRequest(HttpMethod.GET, path, null, authorization);
  }

  public static LoadRequest postJson(String path, String json) {
    return postJson(path, json, null);
  }

  public static LoadRequest postJson(String path, String json, CharSequence authorization) {
    return new LoadRequest(HttpMethod.POST, path, Buffer.buffer(json), authorization);
  }

  /** Never the key: a request may end up in a message. */
  @Override
  public String toString() {
    return "LoadRequest["
        + method
        + " "
        + path
        + (authorization == null ? "" : ", with a key")
        + "]";
  }
}
