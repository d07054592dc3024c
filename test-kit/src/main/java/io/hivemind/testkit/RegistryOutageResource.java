package io.hivemind.testkit;

import io.hivemind.schema.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared {@link KafkaStack} with the registry behind a
 * {@link TcpProxy} the test switches ({@link #proxy()}). Its arguments are configuration the
 * service gets as they are (give it a {@code hivemind.topic-prefix} and an application id of its
 * own, so that its topics and state are its own), except {@code registry}: the proxy's mode when
 * the service starts ({@code forward}, {@code refuse} or {@code hang}). The topics under the prefix
 * are created before the service starts.
 *
 * <p>Declare it in a {@code QuarkusTestProfile}'s test resources, with the prefix in the profile's
 * configuration too: a service whose beans read the prefix at static init (the learner's and the
 * query's control view) fails to start when the runtime value differs. Or on the test class, with
 * {@code restrictToAnnotatedClass = true}, for a service that reads it at runtime only.
 */
public final class RegistryOutageResource implements QuarkusTestResourceLifecycleManager {

  private static volatile TcpProxy proxy;

  private final Map<String, String> config = new HashMap<>();
  private TcpProxy.Mode startMode = TcpProxy.Mode.FORWARD;

  /** The proxy between the service under test and the registry. */
  public static TcpProxy proxy() {
    if (proxy == null) {
      throw new IllegalStateException("RegistryOutageResource has not started");
    }
    return proxy;
  }

  @Override
  public void init(Map<String, String> initArgs) {
    initArgs.forEach(
        (name, value) -> {
          if (name.equals("registry")) {
            startMode = TcpProxy.Mode.valueOf(value.toUpperCase(Locale.ROOT));
          } else {
            config.put(name, value);
          }
        });
  }

  @Override
  public Map<String, String> start() {
    KafkaStack stack = KafkaStack.shared();
    String prefix = config.getOrDefault("hivemind.topic-prefix", Topics.DEFAULT_PREFIX);
    stack.createTopics(new Topics(prefix), KafkaStackResource.PARTITIONS);
    TcpProxy started = stack.proxyToRegistry();
    started.switchTo(startMode);
    proxy = started;
    Map<String, String> service = new HashMap<>(stack.serviceConfig());
    service.put("hivemind.registry.url", KafkaStack.registryUrlThrough(started));
    service.putAll(config);
    return service;
  }

  /**
   * After the module's global resources ({@link KafkaStackResource} among them), so that its
   * registry URL, the proxy's, is the one the service gets.
   */
  @Override
  public int order() {
    return 1_000;
  }

  @Override
  public void stop() {
    if (proxy != null) {
      proxy.close();
      proxy = null;
    }
  }
}
