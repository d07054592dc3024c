package io.hivemind.schema;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Wraps the registry client the serdes call, so that every failure of a call to the registry that
 * is not the registry's own definitive answer (see {@link RegistryFaults#isAnswer}) leaves as a
 * {@link RegistryUnavailableException}: refused, reset, timed out, 5xx, 429, and also whatever the
 * HTTP client makes of an answer that is not the registry's (a proxy's bare 404 was seen; a text
 * body makes kiota throw {@code UnsupportedOperationException}). A serde's failure is then a
 * transport fault exactly when the exception came out of this wrapper, whatever shape the client
 * gave it.
 */
final class RegistryCallGuard {

  private RegistryCallGuard() {}

  static RegistryClientFacade around(RegistryClientFacade client, String registryUrl) {
    return (RegistryClientFacade)
        Proxy.newProxyInstance(
            RegistryClientFacade.class.getClassLoader(),
            new Class<?>[] {RegistryClientFacade.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                if (failure instanceof RuntimeException answered
                    && RegistryFaults.isAnswer(answered)) {
                  throw answered;
                }
                throw new RegistryUnavailableException("at " + registryUrl, failure);
              }
            });
  }
}
