package io.hivemind.confidence.api;

import io.hivemind.access.http.Caller;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.confidence.challenger.ChallengerView;
import io.hivemind.confidence.challenger.PredictionLog;
import io.hivemind.confidence.query.CommunityPriors;
import io.hivemind.confidence.query.UserStatsQueries;
import io.hivemind.control.domain.BotContext;
import io.hivemind.control.kafka.ControlView;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceModel;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.answer.StatsLookup;
import io.hivemind.rules.answer.TradeSimulation;
import io.hivemind.rules.model.ModelExperiment;
import io.hivemind.rules.model.RegimeTimeline;
import io.hivemind.rules.model.ServedAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * How likely is this entry to win ({@code /api/ml/win_probability}), and what is it expected to
 * make ({@code /api/ml/simulate_trade}, the same answer with the expected P&amp;L)? Answered from
 * this instance's stores when it owns the user, else by the owner. Nothing waits on a thread per
 * request: the store read runs on the event loop unless it would wait for the registry (see {@link
 * UserStatsQueries#ask}), and forwarding is asynchronous.
 *
 * <p>A key asks for its own user ({@code user_id} may be left out), in its own tier; naming another
 * user is a 403. An admin key may ask for any user, in the tier its {@code tier} parameter names
 * (none when absent): the key's tier is the admin's, not the user's.
 */
@Path("/api/ml")
@Produces(MediaType.APPLICATION_JSON)
public class WinProbabilityResource {

  private final UserStatsQueries queries;
  private final RequestReader reader;
  private final RoutedAnswers answers;
  private final ControlView control;
  private final Caller caller;
  private final ConfidenceModel model;
  private final ChallengerView challengers;
  private final ModelExperiment experiment;
  private final PredictionLog predictions;
  private final RegimeTimeline regimes;
  private final Endpoint<ConfidenceAnswer> winProbability;
  private final Endpoint<TradeSimulation> simulateTrade;

  /**
   * What an endpoint computes from the statistics, the pattern model's answer in it, and how its
   * response is made from the served answer.
   */
  private record Endpoint<T>(
      BiFunction<ConfidenceQuery, StatsLookup, T> compute,
      Function<T, ConfidenceAnswer> confidence,
      BiFunction<WinProbabilityResponse, T, Object> body) {}

  WinProbabilityResource(
      UserStatsQueries queries,
      RequestReader reader,
      RoutedAnswers answers,
      ControlView control,
      Caller caller,
      ChallengerView challengers,
      ModelExperiment experiment,
      PredictionLog predictions,
      RegimeTimeline regimes,
      CommunityPriors priors,
      @ConfigProperty(name = "hivemind.community.min-contributors") int minContributors) {
    this.model = ConfidenceModel.v1(minContributors);
    this.queries = queries;
    this.reader = reader;
    this.answers = answers;
    this.control = control;
    this.caller = caller;
    this.challengers = challengers;
    this.experiment = experiment;
    this.predictions = predictions;
    this.regimes = regimes;
    this.winProbability =
        new Endpoint<>(
            (query, stats) -> model.answer(query, stats, priors.current()),
            answer -> answer,
            (body, answer) -> body);
    this.simulateTrade =
        new Endpoint<>(
            (query, stats) -> model.simulate(query, stats, priors.current()),
            TradeSimulation::answer,
            SimulateTradeResponse::of);
  }

  @GET
  @Path("win_probability")
  public Uni<Response> fromParameters(
      @RestQuery("user_id") String userId,
      @RestQuery("symbol") String symbol,
      @RestQuery("side") String side,
      @RestQuery("rsi") String rsi,
      @RestQuery("vwap_z") String vwapZ,
      @RestQuery("atr") String atr,
      @RestQuery("volume_ratio") String volumeRatio,
      @RestQuery("timestamp") String timestamp,
      @RestQuery("threshold") String threshold,
      @RestQuery("tier") String tier,
      @RestHeader(ForwardableRequest.FORWARDED_HEADER) String forwarded,
      @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      @Context UriInfo uriInfo) {
    String user = caller.readableUser(RequestReader.USER_ID, userId);
    Question question =
        reader.fromParameters(
            new SignalParameters(
                user, symbol, side, rsi, vwapZ, atr, volumeRatio, timestamp, threshold));
    return ask(
        question,
        tierOf(user, tier),
        null,
        forwarded,
        ForwardableRequest.get(uriInfo, authorization),
        winProbability);
  }

  /**
   * The signal body a bot posts to the gateway, asked about before it is sent there; {@code
   * threshold} may still come as a query parameter.
   */
  @POST
  @Path("win_probability")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> fromSignal(
      SignalRequest signal,
      @RestQuery("threshold") String threshold,
      @RestQuery("tier") String tier,
      @RestHeader(ForwardableRequest.FORWARDED_HEADER) String forwarded,
      @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      @Context UriInfo uriInfo) {
    return askAbout(signal, threshold, tier, forwarded, authorization, uriInfo, winProbability);
  }

  /**
   * A proposed trade (the signal body, as for {@code POST win_probability}), simulated: its win
   * probability with interval and evidence, the P&amp;L expected of it with an interval, and the
   * trading state.
   */
  @POST
  @Path("simulate_trade")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> simulateTrade(
      SignalRequest signal,
      @RestQuery("threshold") String threshold,
      @RestQuery("tier") String tier,
      @RestHeader(ForwardableRequest.FORWARDED_HEADER) String forwarded,
      @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      @Context UriInfo uriInfo) {
    return askAbout(signal, threshold, tier, forwarded, authorization, uriInfo, simulateTrade);
  }

  /** A question about a signal body (the POSTs): the signal's id is logged with the predictions. */
  private <T> Uni<Response> askAbout(
      SignalRequest signal,
      String threshold,
      String tier,
      String forwarded,
      String authorization,
      UriInfo uriInfo,
      Endpoint<T> endpoint) {
    SignalRequest asked = forReadableUser(signal);
    Question question = reader.fromSignal(asked, threshold);
    return ask(
        question,
        tierOf(question.query().userId(), tier),
        asked.signalId(),
        forwarded,
        ForwardableRequest.post(uriInfo, asked, authorization),
        endpoint);
  }

  /** The signal as the key's user's when it names nobody; 403 when it names another user. */
  private SignalRequest forReadableUser(SignalRequest signal) {
    if (signal == null) {
      return null; // answered 400 by the reader, naming the body
    }
    String user = caller.readableUser(RequestReader.USER_ID, signal.userId());
    return user.equals(signal.userId())
        ? signal
        : new SignalRequest(
            signal.signalId(),
            user,
            signal.symbol(),
            signal.side(),
            signal.price(),
            signal.timestamp(),
            signal.strategy(),
            signal.features());
  }

  /**
   * The control scope {@code tier:T} the user is held to: the key's own tier for its own user (any
   * {@code tier} parameter is ignored, as the gateway ignores a declared tier); for another user,
   * which only an admin key may read, the tier the parameter names, if any.
   */
  private String tierOf(String user, String tier) {
    return user.equals(caller.userId()) ? caller.tier() : reader.tier(tier);
  }

  /**
   * Whether {@code user} is private, so their answer draws nothing from the community: the key's
   * own privacy for its own user. For another user, whom only an admin key reads, the key says
   * nothing about that user's privacy (it lives in that user's keys, which this service does not
   * look up by user): such a read is answered as for an ordinary user.
   */
  private boolean privateUser(String user) {
    return user.equals(caller.userId()) && caller.isPrivate();
  }

  private Question withPrivacy(Question asked) {
    return new Question(
        asked.query().withPrivateUser(privateUser(asked.query().userId())), asked.threshold());
  }

  /**
   * Asks the owner of the question's user: {@code compute} runs on the statistics where they are
   * held; where it ran, the answer's confidence becomes the served model's ({@link #serve}) and the
   * endpoint makes its response of it.
   *
   * @param signalId the signal asked about, null when the question names none (GET): only a named
   *     signal's predictions are logged, since only they can meet the trade's outcome
   */
  private <T> Uni<Response> ask(
      Question asked,
      String tier,
      String signalId,
      String forwarded,
      ForwardableRequest request,
      Endpoint<T> endpoint) {
    Question question = withPrivacy(asked);
    return queries
        .ask(
            question.query().userId(),
            ForwardableRequest.isForwarded(forwarded),
            stats -> endpoint.compute().apply(question.query(), stats))
        .flatMap(
            result ->
                answers.respond(
                    result,
                    found ->
                        endpoint
                            .body()
                            .apply(
                                serve(question, tier, signalId, endpoint.confidence().apply(found)),
                                found),
                    request));
  }

  /**
   * The pattern model's answer, with the challenger beside it in shadow or served as the A/B switch
   * says (ADR 22); a named signal's predictions are logged for scoring. The kill switch has the
   * last word: {@code take_trade} is false unless the bot is ACTIVE.
   */
  private WinProbabilityResponse serve(
      Question question, String tier, String signalId, ConfidenceAnswer pattern) {
    ConfidenceQuery query = question.query();
    ServedAnswer served = ServedAnswer.of(query, tier, pattern, challengers.current(), experiment);
    Instant now = Instant.now();
    if (signalId != null && !signalId.isBlank()) {
      predictions.record(query.userId(), signalId, tier, served, now);
    }
    BotContext bot = new BotContext(query.userId(), tier, query.symbol());
    return WinProbabilityResponse.of(
        query,
        served.answer(),
        new WinProbabilityResponse.Model(served.model(), served.version()),
        question.threshold(),
        control.evaluate(bot),
        now);
  }
}
