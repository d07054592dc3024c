package io.hivemind.simulator.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hivemind.access.domain.ApiKey;
import io.hivemind.botapi.EventBatch;
import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.keys.BotKeys;
import io.hivemind.simulator.score.FleetTally;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One bot's HTTP connection to hivemind, as a real bot makes it: JSON bodies of contract v1 to the
 * ingest gateway, questions to the confidence query service, its user's API key in {@code
 * Authorization: Bearer} on every request (the key alone says who the bot is and in which tier),
 * and the {@link RetryPolicy} around every request. Many bots share one {@link HttpClient}.
 * Retries, rejections and failures are counted in the fleet's tally.
 */
public final class BotClient implements BotTransport {

  public static final String AUTHORIZATION = "Authorization";
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final URI gateway;
  private final URI query;
  private final String authorization;
  private final RetryPolicy retry;
  private final FleetTally tally;
  private final StopSignal stop;
  private final AttemptLog attempts;

  public BotClient(
      HttpClient http,
      URI gateway,
      URI query,
      ApiKey key,
      RetryPolicy retry,
      FleetTally tally,
      StopSignal stop) {
    this(http, gateway, query, key, retry, tally, stop, AttemptLog.NONE);
  }

  /** A client that tells {@code attempts} of every request it sends, retries included. */
  public BotClient(
      HttpClient http,
      URI gateway,
      URI query,
      ApiKey key,
      RetryPolicy retry,
      FleetTally tally,
      StopSignal stop,
      AttemptLog attempts) {
    this.http = http;
    this.gateway = withoutTrailingSlash(gateway);
    this.query = withoutTrailingSlash(query);
    this.authorization = BotKeys.bearer(key);
    this.retry = retry;
    this.tally = tally;
    this.stop = stop;
    this.attempts = attempts;
  }

  /** HTTP/1.1, as most bots speak it, and no attempt at an h2c upgrade on every new connection. */
  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  /** {@code POST /api/ml/win_probability?threshold=…} with the signal the bot is about to send. */
  @Override
  public Optional<ConfidenceAnswer> askConfidence(SignalRequest signal, double threshold) {
    RetryPolicy.Result result =
        send(
            post(
                query.resolve(query.getPath() + "/api/ml/win_probability?threshold=" + threshold),
                signal));
    if (!result.successful()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parseAnswer(WireJson.mapper().readTree(result.body())));
    } catch (JsonProcessingException | RuntimeException e) {
      tally.error();
      return Optional.empty();
    }
  }

  @Override
  public Delivery postSignal(SignalRequest signal) {
    return delivery(send(post(gatewayPath("/api/signals"), signal)));
  }

  @Override
  public Delivery postOutcome(OutcomeRequest outcome) {
    return delivery(send(post(gatewayPath("/api/outcomes"), outcome)));
  }

  /**
   * {@code POST /api/events}: signals and outcomes in one request, as a bot sends what it buffered
   * while offline. The gateway validates every item before it stores any, so the batch is accepted
   * or refused as a whole.
   */
  public Delivery postEvents(List<SignalRequest> signals, List<OutcomeRequest> outcomes) {
    return delivery(send(post(gatewayPath("/api/events"), new EventBatch(signals, outcomes))));
  }

  @Override
  public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) {
    RetryPolicy.Result result = send(post(gatewayPath("/api/bots/heartbeat"), heartbeat));
    Delivery delivery = delivery(result);
    if (delivery != Delivery.ACCEPTED) {
      return HeartbeatAnswer.of(delivery);
    }
    try {
      JsonNode answer = WireJson.mapper().readTree(result.body());
      JsonNode forceClose = answer.path("control").path("force_close").path("command_id");
      return new HeartbeatAnswer(
          delivery,
          answer.path("trading_state").asText(null),
          forceClose.isTextual() ? forceClose.asText() : null);
    } catch (JsonProcessingException e) {
      return HeartbeatAnswer.of(delivery);
    }
  }

  static ConfidenceAnswer parseAnswer(JsonNode answer) {
    JsonNode probability = answer.get("win_probability");
    if (probability == null || !probability.isNumber()) {
      throw new IllegalArgumentException("no win_probability in the answer");
    }
    JsonNode interval = answer.path("interval");
    JsonNode evidence = answer.path("evidence");
    return new ConfidenceAnswer(
        probability.asDouble(),
        interval.path("low").asDouble(Double.NaN),
        interval.path("high").asDouble(Double.NaN),
        evidence.path("user_trades").asLong(0),
        evidence.path("community_trades").asLong(0),
        evidence.path("pattern").asText(null),
        answer.path("take_trade").asBoolean(false),
        answer.path("trading_state").asText(null));
  }

  private Delivery delivery(RetryPolicy.Result result) {
    if (result.successful()) {
      return Delivery.ACCEPTED;
    }
    return result.rejected() ? Delivery.REJECTED : Delivery.FAILED;
  }

  /** Sends with retries; counts what the tally shows. */
  private RetryPolicy.Result send(HttpRequest request) {
    RetryPolicy.Result result =
        retry.send(http, request, stop, (attempt, reason, delay) -> tally.retry(), attempts);
    if (result.rejected()) {
      tally.reject();
    } else if (!result.successful()) {
      tally.error();
    }
    return result;
  }

  /** One request object, reused as is by every attempt: the same bytes, ids and key. */
  private HttpRequest post(URI uri, Object body) {
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header(AUTHORIZATION, authorization)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(WireJson.write(body), StandardCharsets.UTF_8))
        .build();
  }

  private URI gatewayPath(String path) {
    return gateway.resolve(gateway.getPath() + path);
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }
}
