package io.hivemind.e2e;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Bot keys for the probes that run against a stack started by hand: made with {@code ./hivemind
 * keys create} in the checkout the probe runs from (the default stack, or the one its environment
 * names), once the services accept them.
 */
final class ProbeKeys {

  private ProbeKeys() {}

  static String mint(String user, String gateway) throws Exception {
    Path script = Path.of("hivemind").toAbsolutePath();
    if (!script.toFile().canExecute()) {
      script = Path.of("..", "hivemind").toAbsolutePath().normalize();
    }
    Process process =
        new ProcessBuilder(
                script.toString(), "keys", "create", "--user", user, "--tier", "elite", "--json")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes());
    Latencies.require(
        process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keys create");
    String key =
        Http.JSON
            .readTree(out.lines().filter(line -> line.startsWith("{")).findFirst().orElseThrow())
            .get("key")
            .asText();
    Http http = new Http();
    long giveUp = System.nanoTime() + 15_000_000_000L;
    while (http.get(gateway + "/api/maintenance/status", Http.bearer(key)).status() == 401) {
      Latencies.require(System.nanoTime() < giveUp, "the gateway never accepted the new key");
      Thread.sleep(100);
    }
    return key;
  }
}
