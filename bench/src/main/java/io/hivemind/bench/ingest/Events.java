package io.hivemind.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic bot events as contract v1 JSON, built with a string builder (the generator's time is
 * the client's CPU, taken from the same cores as the stack). Everything about event {@code i} (its
 * user, symbol, side, price, features and, for an outcome, the result) follows from {@code i} and
 * the seed, so a signal and its outcome can be built apart. Ids carry a run tag: two runs never
 * share a signal id or a user.
 */
public final class Events {

  /** The symbols bots trade here, with a typical price and ATR. */
  public static final List<String> SYMBOLS = List.of("ES", "NQ", "CL", "GC");

  private static final double[] PRICE = {4500, 16000, 75, 2000};
  private static final double[] ATR = {3.5, 14, 0.4, 6};
  private static final double[] POINT_VALUE = {50, 20, 1000, 100};

  private final String runTag;
  private final String[] users;
  private final int symbols;
  private final long seed;
  private volatile Times times;

  /**
   * @param runTag unique per run: part of every signal id and user id
   * @param users user ids are the seed's shape: 12 hex of an md5
   * @param symbols how many of {@link #SYMBOLS} to spread over (1 to 4)
   */
  public Events(String runTag, int users, int symbols, long seed) {
    if (symbols < 1 || symbols > SYMBOLS.size()) {
      throw new IllegalArgumentException("symbols: 1 to " + SYMBOLS.size());
    }
    this.runTag = runTag;
    this.users = new String[users];
    for (int u = 0; u < users; u++) {
      this.users[u] = md5Hex12(runTag + "/user/" + u);
    }
    this.symbols = symbols;
    this.seed = seed;
  }

  /** {@code bench-<base36 millis>}: unique enough for runs on one stack. */
  public static String newRunTag() {
    return "bench-" + Long.toString(System.currentTimeMillis(), 36);
  }

  public String runTag() {
    return runTag;
  }

  public int userCount() {
    return users.length;
  }

  public String user(int u) {
    return users[u];
  }

  /** Every user id, in index order. */
  public List<String> users() {
    return List.of(users);
  }

  public String symbol(int s) {
    return SYMBOLS.get(s);
  }

  public int symbolCount() {
    return symbols;
  }

  /** What event {@code i} is about; {@code user} and {@code symbol} chosen at random. */
  public Trade trade(long i) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    return trade(i, random.nextInt(users.length), random.nextInt(symbols), random);
  }

  /**
   * Event {@code i} for a given user; the symbol and the rest at random. A batch must be one
   * user's: the gateway refuses a body naming any user but the key's.
   */
  public Trade trade(long i, int user) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    return trade(i, user, random.nextInt(symbols), random);
  }

  /** Event {@code i} for a given user and symbol; the rest at random. */
  public Trade trade(long i, int user, int symbol) {
    return trade(i, user, symbol, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i));
  }

  private Trade trade(long i, int user, int symbol, SplittableRandom random) {
    boolean isLong = random.nextBoolean();
    double rsi = round(10 + 80 * random.nextDouble(), 1);
    double vwapZ = round(Math.max(-4, Math.min(4, gaussian(random) * 1.3)), 2);
    double atr = round(ATR[symbol] * (0.6 + 0.8 * random.nextDouble()), 2);
    double volumeRatio = round(0.5 + 2.5 * random.nextDouble(), 2);
    double price = round(PRICE[symbol] * (0.98 + 0.04 * random.nextDouble()), 2);
    // stretched entries revert more often: long below VWAP with low RSI, short the mirror image
    double edge = (isLong ? -vwapZ : vwapZ) * 0.06 + ((isLong ? 50 - rsi : rsi - 50) / 50) * 0.1;
    boolean win = random.nextDouble() < 0.5 + edge;
    double move = atr * (win ? 1.5 : -1.0);
    int contracts = 1 + random.nextInt(3);
    double exit = round(price + (isLong ? move : -move), 2);
    double pnl = round(move * POINT_VALUE[symbol] * contracts, 2);
    return new Trade(
        runTag + "-" + i,
        users[user],
        SYMBOLS.get(symbol),
        isLong ? "LONG" : "SHORT",
        price,
        exit,
        contracts,
        pnl,
        win ? "TARGET" : "STOP",
        rsi,
        vwapZ,
        atr,
        volumeRatio);
  }

  /** One signal's JSON, timestamped a minute before now. */
  public String signalJson(Trade trade) {
    StringBuilder out = new StringBuilder(320);
    appendSignal(out, trade, times().signal);
    return out.toString();
  }

  /** One outcome's JSON: entered a minute ago, exited a second ago. */
  public String outcomeJson(Trade trade) {
    StringBuilder out = new StringBuilder(340);
    Times times = times();
    appendOutcome(out, trade, times.signal, times.exit);
    return out.toString();
  }

  /** {@code {"signals":[…],"outcomes":[…]}}: either list may be empty. */
  public String batchJson(List<Trade> signals, List<Trade> outcomes) {
    Times times = times();
    String signalTime = times.signal;
    String exitTime = times.exit;
    StringBuilder out = new StringBuilder(64 + 300 * signals.size() + 330 * outcomes.size());
    out.append("{\"signals\":[");
    for (int k = 0; k < signals.size(); k++) {
      if (k > 0) {
        out.append(',');
      }
      appendSignal(out, signals.get(k), signalTime);
    }
    out.append("],\"outcomes\":[");
    for (int k = 0; k < outcomes.size(); k++) {
      if (k > 0) {
        out.append(',');
      }
      appendOutcome(out, outcomes.get(k), signalTime, exitTime);
    }
    return out.append("]}").toString();
  }

  private static void appendSignal(StringBuilder out, Trade t, String timestamp) {
    out.append("{\"signal_id\":\"")
        .append(t.signalId)
        .append("\",\"user_id\":\"")
        .append(t.userId)
        .append("\",\"symbol\":\"")
        .append(t.symbol)
        .append("\",\"side\":\"")
        .append(t.side)
        .append("\",\"price\":");
    decimal(out, t.price, 2).append(",\"timestamp\":\"").append(timestamp);
    decimal(out.append("\",\"strategy\":\"vwap_rsi\",\"features\":{\"rsi\":"), t.rsi, 1);
    decimal(out.append(",\"vwap_z\":"), t.vwapZ, 2);
    decimal(out.append(",\"atr\":"), t.atr, 2);
    decimal(out.append(",\"volume_ratio\":"), t.volumeRatio, 2).append("}}");
  }

  private static void appendOutcome(StringBuilder out, Trade t, String entry, String exit) {
    out.append("{\"signal_id\":\"")
        .append(t.signalId)
        .append("\",\"user_id\":\"")
        .append(t.userId)
        .append("\",\"symbol\":\"")
        .append(t.symbol)
        .append("\",\"side\":\"")
        .append(t.side)
        .append("\",\"entry_price\":");
    decimal(out, t.price, 2).append(",\"exit_price\":");
    decimal(out, t.exitPrice, 2)
        .append(",\"entry_time\":\"")
        .append(entry)
        .append("\",\"exit_time\":\"")
        .append(exit)
        .append("\",\"contracts\":")
        .append(t.contracts)
        .append(",\"pnl\":");
    decimal(out, t.pnl, 2).append(",\"exit_reason\":\"").append(t.exitReason).append("\"}");
  }

  private static String isoMillis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /**
   * Event times, formatted once per {@value #TIME_STEP_MS} ms: formatting an instant costs more
   * than the rest of a body, and the generator's time is taken from the cores being measured.
   */
  private Times times() {
    long step = System.currentTimeMillis() / TIME_STEP_MS;
    Times cached = times;
    if (cached == null || cached.step != step) {
      Instant now = Instant.ofEpochMilli(step * TIME_STEP_MS);
      cached = new Times(step, isoMillis(now.minusSeconds(60)), isoMillis(now.minusSeconds(1)));
      times = cached;
    }
    return cached;
  }

  private static final long TIME_STEP_MS = 10;

  private record Times(long step, String signal, String exit) {}

  /** {@code value} with exactly {@code decimals} decimals, without Double.toString's cost. */
  static StringBuilder decimal(StringBuilder out, double value, int decimals) {
    long scale = decimals == 1 ? 10 : 100;
    long scaled = Math.round(value * scale);
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    out.append(scaled / scale).append('.');
    long fraction = scaled % scale;
    if (decimals == 2 && fraction < 10) {
      out.append('0');
    }
    return out.append(fraction);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static String md5Hex12(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One proposed trade and how it ended. */
  public record Trade(
      String signalId,
      String userId,
      String symbol,
      String side,
      double price,
      double exitPrice,
      int contracts,
      double pnl,
      String exitReason,
      double rsi,
      double vwapZ,
      double atr,
      double volumeRatio) {}
}
