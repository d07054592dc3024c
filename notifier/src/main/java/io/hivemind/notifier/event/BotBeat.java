package io.hivemind.notifier.event;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A bot's last heartbeat as the silence watch keeps it: when it came (the record's time), and
 * whether the bot has been told silent since.
 */
record BotBeat(long lastSeenMillis, boolean silent) {

  BotBeat silenced() {
    return new BotBeat(lastSeenMillis, true);
  }

  /** Nine bytes: the time, then 1 for silent. */
  static Serde<BotBeat> serde() {
    Serializer<BotBeat> serializer =
        (topic, beat) ->
            beat == null
                ? null
                : ByteBuffer.allocate(9)
                    .putLong(beat.lastSeenMillis())
                    .put((byte) (beat.silent() ? 1 : 0))
                    .array();
    Deserializer<BotBeat> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          return new BotBeat(buffer.getLong(), buffer.get() == 1);
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
