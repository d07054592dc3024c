package io.hivemind.e2e;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operator at the gateway's control plane: commands and admin reads with an admin key, which the
 * audit log records as the actor {@code key:<key id>/<user>}.
 */
final class Operator {

  private final Http http;
  private final String gateway;
  private final String key;
  private final String user;

  Operator(Http http, String gateway, String key, String user) {
    this.http = http;
    this.gateway = gateway;
    this.key = key;
    this.user = user;
  }

  /** The key id is the public part of hm_<key id>_<secret>. */
  String actor() {
    return "key:" + key.substring(3, key.indexOf('_', 3)) + "/" + user;
  }

  /** POSTs a command, e.g. {@code /api/emergency/pause_all}, with this reason. */
  Http.Answer command(String path, String reason) throws IOException, InterruptedException {
    return command(path, Map.of("reason", reason));
  }

  Http.Answer command(String path, Map<String, ?> body) throws IOException, InterruptedException {
    return http.post(gateway + path, new LinkedHashMap<>(body), Http.bearer(key));
  }

  /** An admin read, e.g. {@code /api/audit?limit=100}. */
  Http.Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return http.get(gateway + pathAndQuery, Http.bearer(key));
  }
}
