package io.hivemind.confidence.api;

import io.hivemind.botapi.SignalRequest;
import io.hivemind.confidence.query.UserStatsQueries;
import io.hivemind.control.domain.BotContext;
import io.hivemind.control.kafka.ControlView;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceModel;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * How likely is this entry to win? Answered from this instance's stores when it owns the user, else
 * by the owner. Nothing waits on a thread per request: the store read is a short task on a worker
 * (see {@link UserStatsQueries#ask}) and forwarding is asynchronous.
 */
@Path("/api/ml/win_probability")
@Produces(MediaType.APPLICATION_JSON)
public class WinProbabilityResource {

  private final UserStatsQueries queries;
  private final RequestReader reader;
  private final RoutedAnswers answers;
  private final ControlView control;
  private final ConfidenceModel model = ConfidenceModel.v1();

  WinProbabilityResource(
      UserStatsQueries queries, RequestReader reader, RoutedAnswers answers, ControlView control) {
    this.queries = queries;
    this.reader = reader;
    this.answers = answers;
    this.control = control;
  }

  @GET
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
      @Context UriInfo uriInfo) {
    Question question =
        reader.fromParameters(
            new SignalParameters(
                userId, symbol, side, rsi, vwapZ, atr, volumeRatio, timestamp, threshold));
    return answer(question, reader.tier(tier), forwarded, ForwardableRequest.get(uriInfo));
  }

  /**
   * The signal body a bot posts to the gateway, asked about before it is sent there; {@code
   * threshold} may still come as a query parameter.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> fromSignal(
      SignalRequest signal,
      @RestQuery("threshold") String threshold,
      @RestQuery("tier") String tier,
      @RestHeader(ForwardableRequest.FORWARDED_HEADER) String forwarded,
      @Context UriInfo uriInfo) {
    Question question = reader.fromSignal(signal, threshold);
    return answer(question, reader.tier(tier), forwarded, ForwardableRequest.post(uriInfo, signal));
  }

  private Uni<Response> answer(
      Question question, String tier, String forwarded, ForwardableRequest request) {
    return queries
        .ask(
            question.query().userId(),
            ForwardableRequest.isForwarded(forwarded),
            stats -> model.answer(question.query(), stats))
        .flatMap(
            result -> answers.respond(result, answer -> body(question, tier, answer), request));
  }

  /** The kill switch has the last word: {@code take_trade} is false unless the bot is ACTIVE. */
  private WinProbabilityResponse body(Question question, String tier, ConfidenceAnswer answer) {
    BotContext bot = new BotContext(question.query().userId(), tier, question.query().symbol());
    return WinProbabilityResponse.of(
        question.query(), answer, question.threshold(), control.evaluate(bot), Instant.now());
  }
}
