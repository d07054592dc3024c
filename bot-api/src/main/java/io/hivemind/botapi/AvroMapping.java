package io.hivemind.botapi;

import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.ReportedBar;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Turns a request that {@link RequestValidator} accepted into the Avro record written to Kafka.
 * Only valid requests may be mapped: an invalid one fails here with an unchecked exception.
 */
public final class AvroMapping {

  private AvroMapping() {}

  public static Signal toSignal(SignalRequest request) {
    return Signal.newBuilder()
        .setSignalId(request.signalId())
        .setUserId(request.userId())
        .setSymbol(request.symbol())
        .setSide(Side.valueOf(request.side()))
        .setPrice(request.price())
        .setTimestamp(eventTime(request.timestamp()))
        .setStrategy(request.strategyOrDefault())
        .setFeatures(new LinkedHashMap<>(request.featuresOrEmpty()))
        .build();
  }

  public static TradeOutcome toTradeOutcome(OutcomeRequest request) {
    return TradeOutcome.newBuilder()
        .setSignalId(request.signalId())
        .setUserId(request.userId())
        .setSymbol(request.symbol())
        .setSide(Side.valueOf(request.side()))
        .setEntryPrice(request.entryPrice())
        .setExitPrice(request.exitPrice())
        .setEntryTime(eventTime(request.entryTime()))
        .setExitTime(eventTime(request.exitTime()))
        .setContracts(request.contracts())
        .setPnl(request.pnl())
        .setExitReason(request.exitReason())
        .build();
  }

  public static Heartbeat toHeartbeat(HeartbeatRequest request) {
    return Heartbeat.newBuilder()
        .setUserId(request.userId())
        .setBotVersion(request.botVersion())
        .setStatus(request.statusOrDefault())
        .setOpenPositions(request.openPositionsOrZero())
        .setSymbols(new ArrayList<>(request.symbolsOrEmpty()))
        .setTimestamp(eventTime(request.timestamp()))
        .setForceCloseAck(request.forceCloseAck())
        .setBars(request.barsOrEmpty().stream().map(AvroMapping::toReportedBar).toList())
        .build();
  }

  private static ReportedBar toReportedBar(HeartbeatBar bar) {
    return ReportedBar.newBuilder()
        .setSymbol(bar.symbol())
        .setMinute(eventTime(bar.minute()))
        .setClose(bar.close())
        .setVolume(bar.volume())
        .build();
  }

  /**
   * Avro's timestamp-millis keeps milliseconds; truncating here makes the record equal its copy.
   */
  private static Instant eventTime(String iso) {
    return EventTimes.parse(iso).truncatedTo(ChronoUnit.MILLIS);
  }
}
