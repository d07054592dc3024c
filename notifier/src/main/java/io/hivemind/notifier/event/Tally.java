package io.hivemind.notifier.event;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Trades, wins and P&L over a period, as the summaries keep them. */
record Tally(long trades, long wins, double pnl) {

  static final Tally EMPTY = new Tally(0, 0, 0);

  Tally plus(boolean win, double tradePnl) {
    return new Tally(trades + 1, wins + (win ? 1 : 0), pnl + tradePnl);
  }

  Tally plus(Tally other) {
    return new Tally(trades + other.trades, wins + other.wins, pnl + other.pnl);
  }

  /** 24 bytes: trades, wins, P&L. */
  static Serde<Tally> serde() {
    Serializer<Tally> serializer =
        (topic, tally) ->
            tally == null
                ? null
                : ByteBuffer.allocate(24)
                    .putLong(tally.trades())
                    .putLong(tally.wins())
                    .putDouble(tally.pnl())
                    .array();
    Deserializer<Tally> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          return new Tally(buffer.getLong(), buffer.getLong(), buffer.getDouble());
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
