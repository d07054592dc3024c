package io.hivemind.schema;

import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Code that must not wait for the registry (a request on an event loop) runs its serde calls
 * through {@link #refusedDuring}: a registry serde that would have to ask the registry (a topic's
 * first record written, a schema id not read before) then throws {@link Refused} instead of
 * waiting, and the caller runs the same work again where waiting is allowed. Every other call, the
 * common case, goes on without the registry and without a thread hop.
 */
public final class RegistryWaits {

  private static final ThreadLocal<Boolean> REFUSED = ThreadLocal.withInitial(() -> false);

  private RegistryWaits() {}

  /** A serde call that would have waited for the registry, refused. */
  public static final class Refused extends SerializationException {
    public Refused(String what) {
      super(what + " would wait for the registry, and this thread must not wait");
    }
  }

  /** {@code work} run here, with any wait for the registry refused (it throws {@link Refused}). */
  public static <T> T refusedDuring(Supplier<T> work) {
    if (REFUSED.get()) {
      return work.get();
    }
    REFUSED.set(true);
    try {
      return work.get();
    } finally {
      REFUSED.set(false);
    }
  }

  /** Whether {@code failure}, or anything it wraps, is a refused wait. */
  public static boolean isRefusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refused) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /** Throws {@link Refused} for {@code what} when the current thread runs with waits refused. */
  static void checkMayWait(String what) {
    if (REFUSED.get()) {
      throw new Refused(what);
    }
  }
}
