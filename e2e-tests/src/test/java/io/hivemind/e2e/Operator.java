package io.hivemind.e2e;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operator at the gateway's control plane: commands and admin reads with the admin token, and
 * the operator's name, which the audit log records as the actor {@code admin-token:<name>}.
 */
final class Operator {

  static final String NAME_HEADER = "X-Hivemind-Operator";

  private final Http http;
  private final String gateway;
  private final String token;
  private final String name;

  Operator(Http http, String gateway, String token, String name) {
    this.http = http;
    this.gateway = gateway;
    this.token = token;
    this.name = name;
  }

  String actor() {
    return "admin-token:" + name;
  }

  /** POSTs a command, e.g. {@code /api/emergency/pause_all}, with this reason. */
  Http.Answer command(String path, String reason) throws IOException, InterruptedException {
    return command(path, Map.of("reason", reason));
  }

  Http.Answer command(String path, Map<String, ?> body) throws IOException, InterruptedException {
    return http.post(
        gateway + path,
        new LinkedHashMap<>(body),
        "Authorization",
        "Bearer " + token,
        NAME_HEADER,
        name);
  }

  /** An admin read, e.g. {@code /api/audit?limit=100}. */
  Http.Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return http.get(gateway + pathAndQuery, "Authorization", "Bearer " + token);
  }
}
