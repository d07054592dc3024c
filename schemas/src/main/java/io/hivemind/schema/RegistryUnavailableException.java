package io.hivemind.schema;

import com.microsoft.kiota.ApiException;
import java.io.IOException;

/**
 * A record could not be read or written because the schema registry could not be reached or could
 * not serve (see {@link RegistryFaults}): not poison, the same bytes will read once the registry is
 * back. Whoever meets it retries, aborts its transaction or answers 503; it never skips the record.
 */
public final class RegistryUnavailableException extends RuntimeException {

  /**
   * @param context what was being done, for the message ("reading hivemind.outcomes")
   */
  public RegistryUnavailableException(String context, Throwable cause) {
    super("schema registry unavailable " + context + ": " + describe(cause), cause);
  }

  /**
   * The first network error or HTTP answer in the chain, else its root: the wrappers say nothing.
   */
  private static String describe(Throwable cause) {
    Throwable found = cause;
    for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
      found = c;
      if (c instanceof IOException || c instanceof ApiException) {
        break;
      }
    }
    String status =
        found instanceof ApiException answer ? " HTTP " + answer.getResponseStatusCode() : "";
    return found.getClass().getSimpleName()
        + status
        + (found.getMessage() == null ? "" : " (" + found.getMessage() + ")");
  }
}
