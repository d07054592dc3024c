package io.hivemind.learning.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The challenger to the pattern model: an online logistic regression over the trade's hashed {@link
 * ChallengerFeatures} plus one offset per user, learned by FTRL-Proximal one experience at a time.
 * It answers before it learns, like the pattern model: {@link #probability} never changes the
 * model, and {@link #learn} of a trade is called only after the trade's own question was answered.
 *
 * <p>The user offset is a coordinate of its own with a strong L2 prior ({@link
 * ChallengerSettings#userL2()}): it starts at zero, so a new user is answered as the fleet, and it
 * moves only that user's answers. A private user, like the pattern model's, draws nothing from the
 * community and gives it nothing: their answer is their offset alone, and their experience updates
 * only that offset.
 *
 * <p>Pure and deterministic: the same experiences in the same order give the same weights, bit for
 * bit, and the same {@link ModelVersion}. {@link #toBytes()} writes the learned state in a compact,
 * versioned form (only the weights that learned something), {@link #fromBytes} reads it back. Not
 * thread-safe: one writer; a server publishes snapshots ({@link #toBytes()}) to its readers.
 */
public final class ChallengerModel {

  /** The serialised form's version; a reader refuses any other. */
  public static final int FORMAT = 1;

  private static final int MAGIC = 0x484d4348; // "HMCH"

  private final ChallengerSettings settings;
  private final String name;
  private final double[] z;
  private final double[] n;
  private final Map<String, double[]> users = new HashMap<>();
  private long experiences;
  private long digest = Fnv.OFFSET;

  public ChallengerModel(ChallengerSettings settings) {
    this.settings = settings;
    this.name = nameOf(settings);
    this.z = new double[1 << settings.bits()];
    this.n = new double[1 << settings.bits()];
  }

  public static ChallengerModel withDefaults() {
    return new ChallengerModel(ChallengerSettings.defaults());
  }

  /**
   * {@code challenger-lr/<features version>/<digest of every setting>}: the record's own text names
   * every component, so a setting added later is part of the name too.
   */
  static String nameOf(ChallengerSettings settings) {
    return "challenger-lr/"
        + ChallengerFeatures.VERSION
        + "/"
        + hex(Fnv.hash(settings.toString()), 8);
  }

  public ChallengerSettings settings() {
    return settings;
  }

  public ModelVersion version() {
    return new ModelVersion(name, experiences, hex(digest, 16));
  }

  /** The probability that this trade wins, from what was learned so far. */
  public double probability(TradeContext trade) {
    return sigmoid(logit(trade, ChallengerFeatures.slots(trade, settings.bits())));
  }

  /** The user's learned offset in logit units: 0 for a user never learned from. */
  public double userOffset(String userId) {
    double[] state = users.get(userId);
    return state == null ? 0 : weight(state[0], state[1], settings.userL2(), settings.userAlpha());
  }

  /**
   * Learns one experience.
   *
   * @param id the experience's identity (its signal id): part of the version's digest
   */
  public void learn(TradeContext trade, boolean win, String id) {
    int[] slots = ChallengerFeatures.slots(trade, settings.bits());
    double gradient = sigmoid(logit(trade, slots)) - (win ? 1 : 0);
    double g2 = gradient * gradient;
    if (!trade.privateUser()) {
      for (int slot : slots) {
        double w = weight(z[slot], n[slot], settings.l2(), settings.alpha());
        double sigma = (Math.sqrt(n[slot] + g2) - Math.sqrt(n[slot])) / settings.alpha();
        z[slot] += gradient - sigma * w;
        n[slot] += g2;
      }
    }
    double[] user = users.computeIfAbsent(trade.userId(), u -> new double[2]);
    double w = weight(user[0], user[1], settings.userL2(), settings.userAlpha());
    double sigma = (Math.sqrt(user[1] + g2) - Math.sqrt(user[1])) / settings.userAlpha();
    user[0] += gradient - sigma * w;
    user[1] += g2;
    experiences++;
    digest = Fnv.hash(digest, id + (win ? "+" : "-") + trade.userId() + "\n");
  }

  private double logit(TradeContext trade, int[] slots) {
    double sum = 0;
    if (!trade.privateUser()) {
      for (int slot : slots) {
        sum += weight(z[slot], n[slot], settings.l2(), settings.alpha());
      }
    }
    return sum + userOffset(trade.userId());
  }

  /** FTRL-Proximal's closed-form weight from a coordinate's accumulated state. */
  private double weight(double zi, double ni, double l2, double alpha) {
    if (Math.abs(zi) <= settings.l1()) {
      return 0;
    }
    double shrunk = zi - Math.signum(zi) * settings.l1();
    return -shrunk / ((settings.beta() + Math.sqrt(ni)) / alpha + l2);
  }

  private static double sigmoid(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }

  /** The learned state: settings, version, the shared weights that learned, every user's offset. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeUTF(ChallengerFeatures.VERSION);
      out.writeDouble(settings.alpha());
      out.writeDouble(settings.userAlpha());
      out.writeDouble(settings.beta());
      out.writeDouble(settings.l1());
      out.writeDouble(settings.l2());
      out.writeDouble(settings.userL2());
      out.writeInt(settings.bits());
      out.writeLong(experiences);
      out.writeLong(digest);
      int learned = 0;
      for (double ni : n) {
        learned += ni > 0 ? 1 : 0;
      }
      out.writeInt(learned);
      for (int slot = 0; slot < n.length; slot++) {
        if (n[slot] > 0) {
          out.writeInt(slot);
          out.writeDouble(z[slot]);
          out.writeDouble(n[slot]);
        }
      }
      List<String> ids = new ArrayList<>(users.keySet());
      ids.sort(null);
      out.writeInt(ids.size());
      for (String id : ids) {
        double[] state = users.get(id);
        out.writeUTF(id);
        out.writeDouble(state[0]);
        out.writeDouble(state[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A model as {@link #toBytes()} wrote it.
   *
   * @throws IllegalArgumentException when the bytes are not a challenger of this format and
   *     features version
   */
  public static ChallengerModel fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a challenger model");
      }
      int format = in.readInt();
      String features = in.readUTF();
      if (format != FORMAT || !ChallengerFeatures.VERSION.equals(features)) {
        throw new IllegalArgumentException(
            "challenger format "
                + format
                + ", features "
                + features
                + "; this code reads format "
                + FORMAT
                + ", features "
                + ChallengerFeatures.VERSION);
      }
      ChallengerSettings settings =
          new ChallengerSettings(
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readInt());
      ChallengerModel model = new ChallengerModel(settings);
      model.experiences = in.readLong();
      model.digest = in.readLong();
      int learned = in.readInt();
      for (int i = 0; i < learned; i++) {
        int slot = in.readInt();
        model.z[slot] = in.readDouble();
        model.n[slot] = in.readDouble();
      }
      int userCount = in.readInt();
      for (int i = 0; i < userCount; i++) {
        String id = in.readUTF();
        model.users.put(id, new double[] {in.readDouble(), in.readDouble()});
      }
      return model;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated challenger model", e);
    }
  }

  private static String hex(long value, int digits) {
    String full = String.format("%016x", value);
    return full.substring(16 - digits);
  }
}
