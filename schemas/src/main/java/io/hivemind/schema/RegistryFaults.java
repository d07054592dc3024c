package io.hivemind.schema;

import com.microsoft.kiota.ApiException;
import io.apicurio.registry.rest.client.models.ProblemDetails;
import io.apicurio.registry.rest.client.models.RuleViolationProblemDetails;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells, from what a registry-backed serde threw, whether the registry could not be reached (a
 * transport fault: try the same bytes again later) or the bytes are not a record of a schema the
 * registry knows (poison: retrying changes nothing). Only the second may be dead-lettered or
 * skipped; the first must never be (DESIGN §12).
 *
 * <p>The shapes, as Apicurio's serde 3.1.7 with the JDK HTTP adapter throws them (seen against a
 * real registry; {@code RegistryFaultsTest} holds each one):
 *
 * <ul>
 *   <li>connection refused (or an unresolvable host): {@code RuntimeException} → {@code
 *       RuntimeException} → {@code ConnectException}; accepted then closed: … → {@code
 *       IOException("HTTP/1.1 header parser received no bytes")} → {@code EOFException}; no answer
 *       within the request timeout (a hung or SIGSTOPped registry): … → {@code
 *       HttpTimeoutException}. The JDK adapter wraps the HTTP client's {@code IOException} in a
 *       {@code RuntimeException}, and the schema cache wraps that again.
 *   <li>an HTTP answer: {@code RuntimeException} → kiota {@code ApiException} with the status. The
 *       registry's own answers carry a problem body ({@code ProblemDetails}, a subclass): 404 for
 *       an unknown schema id ({@code ContentNotFoundException}), 500. Answers without one did not
 *       come from the registry's API (a proxy, a wrong URL: seen, a bare 404 "no response body").
 *   <li>not a record: {@code IllegalStateException("Unknown magic byte!")}, {@code
 *       BufferUnderflowException} (fewer than 5 bytes), and Avro decoding errors, which the
 *       deserializer wraps in {@code UncheckedIOException} ({@code EOFException} for truncated
 *       bytes, Avro's {@code InvalidNumberEncodingException} for garbage or another schema's id).
 * </ul>
 *
 * <p>So: every failure of a call to the registry made by {@link AvroSerdes}' serdes arrives as a
 * {@link RegistryUnavailableException} (their client is wrapped by {@code RegistryCallGuard}),
 * except the registry's own definitive answers (a 4xx with its problem body, such as 404 for an
 * unknown id). For serdes built elsewhere the raw shapes are read: an HTTP answer other than the
 * registry's definitive one, a socket error, or an {@code IOException} thrown by the JDK's HTTP
 * client is the registry; an {@code IOException} from decoding bytes is not (Avro's {@code
 * EOFException} is one, which is why "any I/O exception" would not do). Failing closed, the guard's
 * rule is the wide one: what is not proven poison is retried.
 */
public final class RegistryFaults {

  private RegistryFaults() {}

  /** Whether {@code failure} says the registry could not be reached or could not serve now. */
  public static boolean isTransport(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof RegistryUnavailableException) {
        return true;
      }
      if (cause instanceof ApiException) {
        return !isAnswer(cause);
      }
      if (isNetwork(cause)) {
        return true;
      }
    }
    return false;
  }

  /** A socket error, or an I/O error of the JDK's HTTP client (not one from decoding bytes). */
  private static boolean isNetwork(Throwable cause) {
    if (cause instanceof SocketException
        || cause instanceof SocketTimeoutException
        || cause instanceof UnknownHostException
        || cause instanceof HttpTimeoutException) {
      return true;
    }
    if (cause instanceof IOException) {
      for (StackTraceElement frame : cause.getStackTrace()) {
        if (frame.getClassName().startsWith("jdk.internal.net.http.")
            || frame.getClassName().startsWith("java.net.http.")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Rethrows {@code failure} as a {@link RegistryUnavailableException} when it is a transport
   * fault; returns normally when the bytes are poison, for the caller to treat them as such.
   *
   * @param reading what was being read, for the message (a topic, a store)
   */
  public static void throwIfTransport(RuntimeException failure, String reading) {
    if (isTransport(failure)) {
      throw new RegistryUnavailableException("reading " + reading, failure);
    }
  }

  /**
   * Whether {@code failure} is the registry's own definitive answer: a problem body it sent with a
   * 4xx status other than 408 and 429 (an unknown schema id is a 404, a rule violation a 409).
   */
  static boolean isAnswer(Throwable failure) {
    return (failure instanceof ProblemDetails || failure instanceof RuleViolationProblemDetails)
        && !isTransient(((ApiException) failure).getResponseStatusCode());
  }

  /** 5xx: the registry (or a proxy before it) failed; 429: it asks to be called later; 408. */
  private static boolean isTransient(int status) {
    return status >= 500 || status == 429 || status == 408;
  }
}
