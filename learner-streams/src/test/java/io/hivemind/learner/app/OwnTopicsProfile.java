package io.hivemind.learner.app;

import io.hivemind.testkit.RegistryOutageResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A learner of its own (application id, topic prefix) with the registry behind the proxy of {@link
 * RegistryOutageResource}, in the given start mode. The prefix is profile configuration, not only a
 * test resource's: beans that start at static init (the control view) read it there, and a value
 * that differs at runtime fails the start.
 */
abstract class OwnTopicsProfile implements QuarkusTestProfile {

  private final String prefix;
  private final String applicationId;
  private final String registry;

  OwnTopicsProfile(String prefix, String applicationId, String registry) {
    this.prefix = prefix;
    this.applicationId = applicationId;
    this.registry = registry;
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "hivemind.topic-prefix", prefix, "quarkus.kafka-streams.application-id", applicationId);
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(
            RegistryOutageResource.class,
            Map.of("registry", registry, "hivemind.topic-prefix", prefix)));
  }

  /** {@link LearnerRegistryOutageTest}'s: started while the registry refuses connections. */
  public static final class StartedDuringOutage extends OwnTopicsProfile {
    public StartedDuringOutage() {
      super("registry-outage.", "learner-outage-test", "refuse");
    }
  }

  /** {@link LearnerLivenessTest}'s. */
  public static final class Liveness extends OwnTopicsProfile {
    public Liveness() {
      super("learner-liveness.", "learner-liveness-test", "forward");
    }
  }
}
