package io.hivemind.confidence.service;

import io.hivemind.testkit.RegistryOutageResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A query on topics of its own, started while the registry behind {@link RegistryOutageResource}'s
 * proxy refuses connections. The prefix is profile configuration, not only a test resource's: beans
 * that start at static init (the control view) read it there, and a value that differs at runtime
 * fails the start.
 */
public final class RegistryOutageProfile implements QuarkusTestProfile {

  static final String PREFIX = "query-registry-outage.";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("hivemind.topic-prefix", PREFIX);
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(
            RegistryOutageResource.class,
            Map.of("registry", "refuse", "hivemind.topic-prefix", PREFIX)));
  }
}
