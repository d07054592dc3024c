package io.hivemind.notifier.delivery;

import io.hivemind.botapi.Backoff;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.format.Message;
import io.hivemind.notifier.format.MessageFormats;
import io.hivemind.notifier.subscription.Destination;
import io.hivemind.notifier.subscription.Subscription;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One attempt to deliver one notification to one subscription: the destination's address checked
 * again ({@link AddressPolicy}), the message rendered for its format, signed, and POSTed with a
 * timeout; redirects are never followed. Every attempt of an event carries the same {@code
 * Hivemind-Event-Id}.
 */
public final class DeliveryClient {

  public static final String EVENT_ID = "Hivemind-Event-Id";
  public static final String EVENT_TYPE = "Hivemind-Event-Type";
  public static final String ATTEMPT = "Hivemind-Delivery-Attempt";
  public static final String SUBSCRIPTION = "Hivemind-Subscription-Id";

  /** What came of an attempt. */
  public sealed interface Result {
    /** A 2xx. */
    record Delivered(int status) implements Result {}

    /** Not now: no answer, a timeout, 408, 425, 429 or a 5xx; the server's wait if it named one. */
    record RetryLater(String reason, Optional<Duration> retryAfter) implements Result {}

    /** No: any other answer, a redirect, or an address the policy refuses. */
    record Refused(String reason) implements Result {}
  }

  private final HttpClient http;
  private final Duration timeout;
  private final AddressPolicy policy;
  private final Executor resolving;
  private final Clock clock;
  private final MailSender mail;

  /**
   * @param resolving where the address check (a DNS lookup, blocking) runs
   */
  public DeliveryClient(Duration timeout, AddressPolicy policy, Executor resolving, Clock clock) {
    this(timeout, policy, resolving, clock, null);
  }

  /**
   * @param mail how email destinations are sent; null: they are refused (no mail server)
   */
  public DeliveryClient(
      Duration timeout, AddressPolicy policy, Executor resolving, Clock clock, MailSender mail) {
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
    this.timeout = timeout;
    this.policy = policy;
    this.resolving = resolving;
    this.clock = clock;
    this.mail = mail;
  }

  public CompletableFuture<Result> send(
      Subscription subscription, Notification notification, int attempt) {
    if (subscription.destination().kind() == Destination.Kind.EMAIL) {
      return email(subscription, notification);
    }
    return CompletableFuture.supplyAsync(
            () -> policy.refusal(subscription.destination().url()), resolving)
        .thenCompose(
            refused ->
                refused.isPresent()
                    ? CompletableFuture.completedFuture(
                        (Result) new Result.Refused("refused destination: " + refused.get()))
                    : post(subscription, notification, attempt));
  }

  private CompletableFuture<Result> post(
      Subscription subscription, Notification notification, int attempt) {
    Message message = MessageFormats.render(notification, subscription.destination());
    HttpRequest request =
        HttpRequest.newBuilder(subscription.destination().url())
            .timeout(timeout)
            .header("Content-Type", message.contentType())
            .header("User-Agent", "hivemind-notifier/1")
            .header(EVENT_ID, notification.id())
            .header(EVENT_TYPE, notification.kind().wireName())
            .header(ATTEMPT, Integer.toString(attempt))
            .header(SUBSCRIPTION, subscription.id())
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.sign(subscription.secret(), clock.instant(), message.body()))
            .POST(HttpRequest.BodyPublishers.ofString(message.body()))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, failure) ->
                failure == null ? answered(response) : unanswered(unwrap(failure)));
  }

  private CompletableFuture<Result> email(Subscription subscription, Notification notification) {
    if (mail == null) {
      return CompletableFuture.completedFuture(
          new Result.Refused("no mail server is configured (quarkus.mailer.host)"));
    }
    Message message = MessageFormats.render(notification, subscription.destination());
    CompletableFuture<Result> sent = new CompletableFuture<>();
    try {
      mail.send(subscription.destination().emailAddress(), notification.title(), message.body())
          .whenComplete(
              (ok, failure) ->
                  sent.complete(
                      failure == null
                          ? new Result.Delivered(250)
                          : new Result.RetryLater(
                              "SMTP: " + unwrap(failure).getMessage(), Optional.empty())));
    } catch (RuntimeException e) {
      sent.complete(new Result.RetryLater("SMTP: " + e.getMessage(), Optional.empty()));
    }
    return sent.orTimeout(timeout.toMillis() * 3, java.util.concurrent.TimeUnit.MILLISECONDS)
        .exceptionally(
            failure -> new Result.RetryLater("SMTP: no answer in time", Optional.empty()));
  }

  private Result answered(HttpResponse<Void> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Result.Delivered(status);
    }
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      Optional<Duration> wait =
          response
              .headers()
              .firstValue("Retry-After")
              .flatMap(value -> Backoff.parseRetryAfter(value, clock.instant()));
      return new Result.RetryLater("HTTP " + status, wait);
    }
    if (status >= 300 && status < 400) {
      return new Result.Refused(
          "HTTP "
              + status
              + ": redirects are not followed (register the final URL)"
              + response.headers().firstValue("Location").map(l -> ", Location " + l).orElse(""));
    }
    return new Result.Refused("HTTP " + status);
  }

  private static Result unanswered(Throwable failure) {
    if (failure instanceof HttpTimeoutException) {
      return new Result.RetryLater("no answer within the timeout", Optional.empty());
    }
    if (failure instanceof IOException) {
      return new Result.RetryLater(
          failure.getClass().getSimpleName() + ": " + failure.getMessage(), Optional.empty());
    }
    return new Result.RetryLater(failure.toString(), Optional.empty());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
