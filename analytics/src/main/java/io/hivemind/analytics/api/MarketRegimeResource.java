package io.hivemind.analytics.api;

import io.hivemind.analytics.domain.AnalyticsSettings;
import io.hivemind.botapi.Instruments;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Violation;
import io.hivemind.learning.regime.RegimeClassifier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /api/ml/market_regime?symbol=ES} (ADR 21): the market regime the fleet's bars show.
 * Any key may ask (the answer is about a market, built from k or more users, and names none); a
 * symbol outside the configured instruments is a 400 problem naming {@code symbol}.
 */
@Path("/api/ml/market_regime")
@Produces(MediaType.APPLICATION_JSON)
public class MarketRegimeResource {

  private final AnalyticsStoreReader stores;
  private final AnalyticsSettings settings;
  private final Instruments instruments;
  private final RegimeClassifier classifier = RegimeClassifier.standard();

  MarketRegimeResource(
      AnalyticsStoreReader stores,
      AnalyticsSettings settings,
      @ConfigProperty(name = "hivemind.instruments") List<String> instruments) {
    this.stores = stores;
    this.settings = settings;
    this.instruments = Instruments.of(instruments);
  }

  @GET
  public MarketRegimeAnswer marketRegime(@QueryParam("symbol") String symbol) {
    String checked = symbol(symbol, instruments);
    return MarketRegimeAnswer.of(
        checked, stores.regimeBook(checked), classifier, settings.minUsers());
  }

  static String symbol(String symbol, Instruments instruments) {
    if (symbol == null || symbol.isBlank()) {
      throw new InvalidRequestException(List.of(new Violation("symbol", "is required")));
    }
    String trimmed = symbol.strip();
    if (!instruments.contains(trimmed)) {
      throw new InvalidRequestException(
          List.of(
              new Violation(
                  "symbol", "must be one of the configured instruments " + instruments.symbols())));
    }
    return trimmed;
  }
}
