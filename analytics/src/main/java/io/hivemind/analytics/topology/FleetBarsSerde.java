package io.hivemind.analytics.topology;

import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.learning.regime.MarketRegime;
import io.hivemind.learning.regime.RegimeState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A symbol's {@link FleetBars} in its store: a versioned binary form of fixed layout. Internal to
 * the analytics (a store value, never on a public topic), so it needs no registry: the regime's
 * state is a few hundred numbers plus the minutes still open.
 */
final class FleetBarsSerde implements Serde<FleetBars> {

  private static final byte VERSION = 1;

  @Override
  public Serializer<FleetBars> serializer() {
    return (topic, bars) -> bars == null ? null : encode(bars);
  }

  @Override
  public Deserializer<FleetBars> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(FleetBars bars) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION);
      RegimeState s = bars.regime();
      writeInstant(out, s.lastMinute());
      out.writeDouble(s.lastLogClose());
      out.writeDouble(s.anchor());
      writeDoubles(out, s.sessionVariance());
      writeDoubles(out, s.sessionLogVolume());
      long[] minutes = s.sessionMinutes();
      out.writeInt(minutes.length);
      for (long m : minutes) {
        out.writeLong(m);
      }
      writeDoubles(out, s.posterior());
      out.writeByte(s.regime() == null ? -1 : s.regime().ordinal());
      writeInstant(out, s.since());
      out.writeDouble(s.recentSquaredReturn());
      out.writeDouble(s.recentReturn());
      out.writeDouble(s.recentLogVolume());
      out.writeLong(s.minutesObserved());
      writeInstant(out, bars.lastSettled());
      out.writeLong(bars.minutesWithheld());
      out.writeInt(bars.lastUsers());
      Map<Instant, FleetBars.Pending> pending = bars.pending();
      out.writeInt(pending.size());
      for (Map.Entry<Instant, FleetBars.Pending> entry : pending.entrySet()) {
        writeInstant(out, entry.getKey());
        writeInstant(out, entry.getValue().firstSeen());
        writeInstant(out, entry.getValue().lastSeen());
        out.writeInt(entry.getValue().reports().size());
        for (FleetBars.Report report : entry.getValue().reports()) {
          out.writeUTF(report.userId());
          out.writeDouble(report.close());
          out.writeDouble(report.volume());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static FleetBars decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown fleet bars version " + version);
      }
      Instant lastMinute = readInstant(in);
      double lastLogClose = in.readDouble();
      double anchor = in.readDouble();
      double[] variance = readDoubles(in);
      double[] logVolume = readDoubles(in);
      long[] minutes = new long[in.readInt()];
      for (int i = 0; i < minutes.length; i++) {
        minutes[i] = in.readLong();
      }
      double[] posterior = readDoubles(in);
      int regime = in.readByte();
      RegimeState state =
          new RegimeState(
              lastMinute,
              lastLogClose,
              anchor,
              variance,
              logVolume,
              minutes,
              posterior,
              regime < 0 ? null : MarketRegime.values()[regime],
              readInstant(in),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readLong());
      Instant lastSettled = readInstant(in);
      long withheld = in.readLong();
      int lastUsers = in.readInt();
      int count = in.readInt();
      Map<Instant, FleetBars.Pending> pending = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        Instant minute = readInstant(in);
        Instant firstSeen = readInstant(in);
        Instant lastSeen = readInstant(in);
        int reports = in.readInt();
        List<FleetBars.Report> list = new ArrayList<>(reports);
        for (int j = 0; j < reports; j++) {
          list.add(new FleetBars.Report(in.readUTF(), in.readDouble(), in.readDouble()));
        }
        pending.put(minute, new FleetBars.Pending(firstSeen, lastSeen, list));
      }
      return new FleetBars(state, pending, lastSettled, withheld, lastUsers);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("unreadable fleet bars", e);
    }
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant == null ? Long.MIN_VALUE : instant.toEpochMilli());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    long millis = in.readLong();
    return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double value : values) {
      out.writeDouble(value);
    }
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    double[] values = new double[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }
}
