package io.hivemind.learning.regime;

import java.time.Instant;

/** What the classifier can say about a symbol now. */
public sealed interface RegimeReading {

  /** The regime, the first minute of it as the classifier saw it, and the evidence. */
  record Classified(MarketRegime regime, Instant since, Instant asOf, RegimeEvidence evidence)
      implements RegimeReading {}

  /** Not enough bars yet to know the symbol's norm for this part of the day. */
  record WarmingUp(long minutesObserved, long minutesNeeded) implements RegimeReading {}
}
