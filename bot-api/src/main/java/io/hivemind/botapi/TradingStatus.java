package io.hivemind.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.control.domain.EffectiveState;
import io.hivemind.control.domain.ForceCloseNotice;
import io.hivemind.control.domain.Restriction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bot may do now, as bots read it: in the control stream, the maintenance status and the
 * heartbeat answer. {@code take_new_entries} is false unless {@code trading_state} is ACTIVE;
 * {@code symbols} names symbols restricted beyond that; {@code force_close} is an order to flatten
 * every position, to be acknowledged with its {@code command_id} in the next heartbeat.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TradingStatus(
    @JsonProperty("trading_state") String tradingState,
    @JsonProperty("take_new_entries") boolean takeNewEntries,
    @JsonProperty("learning") String learning,
    @JsonProperty("restrictions") List<RestrictionView> restrictions,
    @JsonProperty("symbols") Map<String, String> symbols,
    @JsonProperty("force_close") ForceCloseView forceClose) {

  /** {@code acknowledged} is the force-close command id the bot last reported, or null. */
  public static TradingStatus of(EffectiveState state, String acknowledged) {
    Map<String, String> symbols = new TreeMap<>();
    state.symbols().forEach((symbol, symbolState) -> symbols.put(symbol, symbolState.name()));
    return new TradingStatus(
        state.tradingState().name(),
        state.allowsEntries(),
        state.learning().name(),
        state.restrictions().stream().map(RestrictionView::of).toList(),
        symbols,
        state
            .forceClose()
            .filter(notice -> !notice.acknowledgedBy(acknowledged))
            .map(ForceCloseView::of)
            .orElse(null));
  }

  public record RestrictionView(
      @JsonProperty("scope") String scope,
      @JsonProperty("state") String state,
      @JsonProperty("cause") String cause,
      @JsonProperty("reason") String reason) {

    static RestrictionView of(Restriction restriction) {
      return new RestrictionView(
          restriction.scope().toString(),
          restriction.state().name(),
          restriction.cause().name(),
          restriction.reason());
    }
  }

  public record ForceCloseView(
      @JsonProperty("command_id") String commandId,
      @JsonProperty("scope") String scope,
      @JsonProperty("issued_at") String issuedAt,
      @JsonProperty("reason") String reason) {

    static ForceCloseView of(ForceCloseNotice notice) {
      return new ForceCloseView(
          notice.commandId(),
          notice.scope().toString(),
          notice.issuedAt().toString(),
          notice.reason());
    }
  }
}
