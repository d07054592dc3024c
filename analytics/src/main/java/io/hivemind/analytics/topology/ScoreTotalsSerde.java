package io.hivemind.analytics.topology;

import io.hivemind.learning.score.Calibration;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A model's score totals in the store and its changelog: a format byte, then per bin the count and
 * the sums of predictions and wins, then the Brier and log-loss sums. Internal to the analytics (no
 * registry): the store is this application's own.
 */
final class ScoreTotalsSerde implements Serde<Calibration.Totals> {

  private static final byte FORMAT = 1;
  private static final int SIZE = 1 + Calibration.BINS * (8 + 8 + 8) + 8 + 8;

  @Override
  public Serializer<Calibration.Totals> serializer() {
    return (topic, totals) -> totals == null ? null : write(totals);
  }

  @Override
  public Deserializer<Calibration.Totals> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(Calibration.Totals totals) {
    ByteBuffer out = ByteBuffer.allocate(SIZE).put(FORMAT);
    long[] counts = totals.counts();
    double[] predicted = totals.predictedSums();
    double[] won = totals.wonSums();
    for (int i = 0; i < Calibration.BINS; i++) {
      out.putLong(counts[i]).putDouble(predicted[i]).putDouble(won[i]);
    }
    return out.putDouble(totals.brierSum()).putDouble(totals.logLossSum()).array();
  }

  static Calibration.Totals read(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte format = in.get();
    if (format != FORMAT || bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "not score totals of format "
              + FORMAT
              + " (format "
              + format
              + ", "
              + bytes.length
              + " bytes)");
    }
    long[] counts = new long[Calibration.BINS];
    double[] predicted = new double[Calibration.BINS];
    double[] won = new double[Calibration.BINS];
    for (int i = 0; i < Calibration.BINS; i++) {
      counts[i] = in.getLong();
      predicted[i] = in.getDouble();
      won[i] = in.getDouble();
    }
    return new Calibration.Totals(counts, predicted, won, in.getDouble(), in.getDouble());
  }
}
