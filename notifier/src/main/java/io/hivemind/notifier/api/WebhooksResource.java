package io.hivemind.notifier.api;

import io.hivemind.access.http.Caller;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Problem;
import io.hivemind.botapi.ProblemResponses;
import io.hivemind.botapi.Violation;
import io.hivemind.notifier.app.Notifier;
import io.hivemind.notifier.delivery.DeadLetterBook;
import io.hivemind.notifier.delivery.DeliveryClient;
import io.hivemind.notifier.delivery.WebhookSignature;
import io.hivemind.notifier.event.Audience;
import io.hivemind.notifier.event.EventKind;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.subscription.Destination;
import io.hivemind.notifier.subscription.Subscription;
import io.hivemind.notifier.subscription.SubscriptionJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Subscriptions to notifications (ADR 25, docs/notifications.md). A bot key registers, lists and
 * deletes its own user's; an admin key the fleet's too. The signing secret is shown once, in the
 * answer to the registration.
 */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  /** {@code POST /api/webhooks/register}'s body. */
  public record Registration(
      String type, String url, String chatId, String email, List<String> events, String audience) {}

  /** A subscription as its owner sees it: the URL without its secret parts, never the secret. */
  public record SubscriptionView(
      String id,
      String userId,
      Boolean fleet,
      String type,
      String url,
      String chatId,
      List<String> events,
      String createdAt,
      String secret) {

    static SubscriptionView of(Subscription subscription, boolean withSecret) {
      return new SubscriptionView(
          subscription.id(),
          subscription.audience().userId(),
          subscription.audience().isFleet() ? Boolean.TRUE : null,
          subscription.destination().kind().wireName(),
          subscription.destination().redacted(),
          subscription.destination().chatId(),
          subscription.events().stream().map(EventKind::wireName).sorted().toList(),
          subscription.created().toString(),
          withSecret ? subscription.secret() : null);
    }
  }

  /** What one test ping came to. */
  public record PingResult(boolean delivered, Integer status, String reason) {}

  /** A delivery given up on. */
  public record DeadLetterView(
      String eventId, String type, String reason, int attempts, String at, Object notification) {}

  private static final Duration PING_WAIT = Duration.ofSeconds(30);

  private final Notifier notifier;
  private final Caller caller;

  WebhooksResource(Notifier notifier, Caller caller) {
    this.notifier = notifier;
    this.caller = caller;
  }

  @POST
  @Path("/register")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(Registration body) {
    Subscription subscription = checked(body);
    notifier
        .writer()
        .write(
            notifier.topics().webhooks, subscription.id(), SubscriptionJson.toJson(subscription));
    notifier.subscriptions().apply(subscription);
    return Response.status(Response.Status.CREATED)
        .entity(SubscriptionView.of(subscription, true))
        .build();
  }

  @GET
  public List<SubscriptionView> list() {
    return notifier.subscriptions().all().stream()
        .filter(this::visible)
        .map(subscription -> SubscriptionView.of(subscription, false))
        .toList();
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    Optional<Subscription> subscription = owned(id);
    if (subscription.isEmpty()) {
      return notFound(id);
    }
    notifier.writer().write(notifier.topics().webhooks, id, null);
    notifier.subscriptions().forget(id);
    return Response.noContent().build();
  }

  /** One ping, sent now and once (no retry), answered with what came of it. */
  @POST
  @Path("/{id}/test")
  public Response test(@PathParam("id") String id) throws InterruptedException {
    Optional<Subscription> subscription = owned(id);
    if (subscription.isEmpty()) {
      return notFound(id);
    }
    Notification ping =
        new Notification(
            "ping:" + UUID.randomUUID(),
            EventKind.PING,
            subscription.get().audience(),
            Instant.now(),
            "hivemind test ping",
            "Your subscription " + id + " works.",
            Map.of("subscription_id", id));
    DeliveryClient.Result result;
    try {
      result =
          notifier
              .client()
              .send(subscription.get(), ping, 1)
              .get(PING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      result = new DeliveryClient.Result.RetryLater(String.valueOf(e), Optional.empty());
    }
    if (result instanceof DeliveryClient.Result.Delivered delivered) {
      return Response.ok(new PingResult(true, delivered.status(), null)).build();
    }
    String reason =
        result instanceof DeliveryClient.Result.Refused refused
            ? refused.reason()
            : ((DeliveryClient.Result.RetryLater) result).reason();
    return Response.ok(new PingResult(false, null, reason)).build();
  }

  @GET
  @Path("/{id}/dead-letters")
  public Response deadLetters(@PathParam("id") String id) {
    if (owned(id).isEmpty()) {
      return notFound(id);
    }
    List<DeadLetterView> letters =
        notifier.deadLetters().of(id).stream()
            .map(
                letter ->
                    new DeadLetterView(
                        letter.notification().id(),
                        letter.notification().kind().wireName(),
                        letter.reason(),
                        letter.attempts(),
                        letter.at().toString(),
                        io.hivemind.notifier.event.NotificationJson.toTree(letter.notification())))
            .toList();
    return Response.ok(letters).build();
  }

  /** Sends every dead letter of the subscription again, in the order they were given up on. */
  @POST
  @Path("/{id}/dead-letters/replay")
  public Response replay(@PathParam("id") String id) {
    Optional<Subscription> subscription = owned(id);
    if (subscription.isEmpty()) {
      return notFound(id);
    }
    int resent = 0;
    for (DeadLetterBook.Letter letter : notifier.deadLetters().of(id)) {
      if (!notifier.resend(subscription.get(), letter.notification())) {
        return ProblemResponses.unavailable(
            "the notifier is busy: " + resent + " letters queued, send the rest again later",
            Duration.ofSeconds(5));
      }
      resent++;
    }
    return Response.accepted(Map.of("resent", resent)).build();
  }

  private Subscription checked(Registration body) {
    if (body == null) {
      throw new InvalidRequestException(
          List.of(new Violation(Violation.BODY, "a JSON object with type and url")));
    }
    List<Violation> violations = new ArrayList<>();
    Destination.Kind kind = null;
    if (body.type() == null) {
      violations.add(
          new Violation("type", "is required: webhook, discord, slack, telegram or email"));
    } else {
      try {
        kind = Destination.Kind.valueOf(body.type().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("type", "must be webhook, discord, slack, telegram or email"));
      }
    }
    Destination destination = null;
    if (kind == Destination.Kind.EMAIL) {
      try {
        destination = Destination.email(body.email());
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("email", "is required: the address to send to"));
      }
    } else if (body.url() == null) {
      violations.add(new Violation("url", "is required"));
    } else if (kind != null) {
      try {
        destination = Destination.of(kind, body.url(), body.chatId());
        Optional<String> refused = notifier.policy().refusal(destination.url());
        if (refused.isPresent()) {
          violations.add(new Violation("url", "is refused: " + refused.get()));
        }
      } catch (IllegalArgumentException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        violations.add(new Violation(message.substring(0, colon), message.substring(colon + 2)));
      }
    }
    Set<EventKind> events = EnumSet.noneOf(EventKind.class);
    if (body.events() != null) {
      for (int i = 0; i < body.events().size(); i++) {
        String name = body.events().get(i);
        Optional<EventKind> event = name == null ? Optional.empty() : EventKind.fromWireName(name);
        if (event.isEmpty() || event.get() == EventKind.PING) {
          violations.add(
              new Violation(
                  "events[" + i + "]",
                  "unknown event '"
                      + name
                      + "'; events are "
                      + String.join(
                          ", ",
                          EnumSet.complementOf(EnumSet.of(EventKind.PING)).stream()
                              .map(EventKind::wireName)
                              .toList())));
        } else {
          events.add(event.get());
        }
      }
    }
    Audience audience = Audience.user(caller.userId());
    if ("fleet".equals(body.audience())) {
      if (!caller.isAdmin()) {
        violations.add(new Violation("audience", "fleet takes an admin key"));
      }
      audience = Audience.FLEET;
    } else if (body.audience() != null && !"user".equals(body.audience())) {
      violations.add(new Violation("audience", "must be user (the default) or fleet"));
    }
    InvalidRequestException.throwIfAny(violations);
    return new Subscription(
        "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
        audience,
        destination,
        events,
        WebhookSignature.newSecret(),
        Instant.now());
  }

  private boolean visible(Subscription subscription) {
    Audience audience = subscription.audience();
    return audience.isFleet() ? caller.isAdmin() : audience.userId().equals(caller.userId());
  }

  private Optional<Subscription> owned(String id) {
    return notifier.subscriptions().get(id).filter(this::visible);
  }

  private static Response notFound(String id) {
    return ProblemResponses.of(
        Problem.ofStatus(404, "Not Found", "no subscription " + id + " of yours"));
  }
}
