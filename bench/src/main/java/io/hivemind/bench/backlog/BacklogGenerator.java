package io.hivemind.bench.backlog;

import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A deterministic backlog of bot traffic, in the order the records reach Kafka: every trade is a
 * signal and, a little later, its outcome; some outcomes arrive before their signal (a bot that
 * buffered offline), some records arrive twice (a retried POST). Records are keyed by user_id and
 * shaped as the gateway maps them (bot-api's {@code AvroMapping}). Features are those of a VWAP/RSI
 * bot (RSI 35/65, VWAP bands beyond 0.5 std), spread over many RSI and VWAP-distance buckets and
 * every session of the day, so the learner's pattern state is as wide as a real fleet's.
 */
public final class BacklogGenerator implements Iterator<BacklogGenerator.Event> {

  /** One record to write: which topic, its key (the user) and value. */
  public record Event(boolean signal, String userId, SpecificRecord value, long eventTime) {}

  /** What was generated so far: the counts a learner run is checked against. */
  public static final class Counts {
    public long signals;
    public long outcomes;
    public long duplicateSignals;
    public long duplicateOutcomes;
    public long outcomesBeforeSignal;
    public long trades;

    public long records() {
      return signals + outcomes;
    }

    @Override
    public String toString() {
      return String.format(
          "%,d records: %,d signals (%,d retried copies), %,d outcomes (%,d retried copies, %,d"
              + " before their signal), %,d distinct trades",
          records(),
          signals,
          duplicateSignals,
          outcomes,
          duplicateOutcomes,
          outcomesBeforeSignal,
          trades);
    }
  }

  private record Instrument(String symbol, double price, double pointValue, double tick) {}

  private static final List<Instrument> INSTRUMENTS =
      List.of(
          new Instrument("ES", 4500, 50, 0.25),
          new Instrument("NQ", 15800, 20, 0.25),
          new Instrument("CL", 78, 1000, 0.01),
          new Instrument("GC", 2000, 100, 0.1));

  /** How far (in send slots, two per trade) an outcome or a retry trails its first record. */
  private static final int MAX_OUTCOME_DELAY_TRADES = 64;

  private static final int MAX_RETRY_DELAY_SLOTS = 40;

  private record Pending(long slot, long sequence, Event event, boolean duplicate) {}

  private final BacklogSpec spec;
  private final SplittableRandom random;
  private final String[] userIds;
  private final double[] skill;
  private final long start;
  private final long step;
  private final long targetTrades;
  private final PriorityQueue<Pending> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.slot != b.slot
                  ? Long.compare(a.slot, b.slot)
                  : Long.compare(a.sequence, b.sequence));
  private final Counts counts = new Counts();
  private long sequence;
  private long emitted;

  public BacklogGenerator(BacklogSpec spec) {
    this.spec = spec;
    this.random = new SplittableRandom(spec.seed());
    this.userIds = new String[spec.users()];
    this.skill = new double[spec.users()];
    for (int i = 0; i < spec.users(); i++) {
      userIds[i] = userId(spec.seed(), i);
      skill[i] = (random.nextDouble() - 0.5) * 0.12;
    }
    // every trade is two records, and a share of them is sent twice
    this.targetTrades = Math.max(1, Math.round(spec.events() / (2.0 * (1 + spec.duplicateRate()))));
    long span = spec.days() * 86_400_000L;
    this.start = spec.end().toEpochMilli() - span;
    this.step = Math.max(1, span / targetTrades);
  }

  /** The seed's user id: the first 12 hex digits of the MD5 of the bot's broker username. */
  public static String userId(long seed, int index) {
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5")
              .digest(("bench-trader-" + seed + "-" + index).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md5).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Counts counts() {
    return counts;
  }

  /** The counts of a backlog written earlier with the same spec, without writing it. */
  public static Counts countsOf(BacklogSpec spec) {
    BacklogGenerator generator = new BacklogGenerator(spec);
    while (generator.hasNext()) {
      generator.next();
    }
    return generator.counts();
  }

  /** Records still to come, estimated (exact once the last trade was generated). */
  public long expectedRecords() {
    return spec.events();
  }

  @Override
  public boolean hasNext() {
    fill();
    return !queue.isEmpty();
  }

  @Override
  public Event next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Pending next = queue.poll();
    emitted++;
    Event event = next.event;
    if (event.signal()) {
      counts.signals++;
      if (next.duplicate) {
        counts.duplicateSignals++;
      }
    } else {
      counts.outcomes++;
      if (next.duplicate) {
        counts.duplicateOutcomes++;
      }
    }
    // a retried POST: the same record again, a little later
    if (!next.duplicate && random.nextDouble() < spec.duplicateRate()) {
      queue.add(
          new Pending(
              next.slot + 1 + random.nextInt(MAX_RETRY_DELAY_SLOTS), sequence++, event, true));
    }
    return event;
  }

  /** Generates trades until the head of the queue is due (its slot has been reached). */
  private void fill() {
    while (counts.trades < targetTrades
        && (queue.isEmpty() || queue.peek().slot >= 2 * counts.trades)) {
      generateTrade();
    }
  }

  private void generateTrade() {
    long trade = counts.trades++;
    int user =
        (int)
            Math.min(
                spec.users() - 1, Math.floor(spec.users() * Math.pow(random.nextDouble(), 1.6)));
    String userId = userIds[user];
    Instrument instrument =
        random.nextDouble() < 0.8
            ? INSTRUMENTS.get(user % INSTRUMENTS.size())
            : INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
    boolean longSide = random.nextBoolean();
    // RSI beyond 35/65 and price beyond the VWAP band, as the seed bot enters
    double rsi = longSide ? 5 + random.nextDouble() * 32 : 63 + random.nextDouble() * 32;
    double vwapZ = (0.5 + random.nextDouble() * 3.6) * (longSide ? -1 : 1);
    Map<String, Double> features = new LinkedHashMap<>();
    features.put("rsi", round(rsi, 1));
    features.put("vwap_z", round(vwapZ, 2));
    features.put("atr", round(instrument.price * (0.0005 + random.nextDouble() * 0.002), 2));
    features.put("volume_ratio", round(0.5 + random.nextDouble() * 2, 2));

    long signalTime = start + trade * step + random.nextLong(step);
    double price =
        roundTo(instrument.price * (1 + (random.nextDouble() - 0.5) * 0.04), instrument.tick);
    String signalId = new UUID(random.nextLong(), random.nextLong()).toString();
    Signal signal =
        Signal.newBuilder()
            .setSignalId(signalId)
            .setUserId(userId)
            .setSymbol(instrument.symbol)
            .setSide(longSide ? Side.LONG : Side.SHORT)
            .setPrice(price)
            .setTimestamp(Instant.ofEpochMilli(signalTime))
            .setStrategy("vwap_rsi")
            .setFeatures(features)
            .build();

    // more extreme entries win a little more often; each bot has its own skill
    double winProbability = 0.45 + 0.08 * (Math.abs(vwapZ) - 0.5) / 3.6 + skill[user];
    boolean win = random.nextDouble() < winProbability;
    int contracts = 1 + random.nextInt(3);
    double move = instrument.price * (0.001 + random.nextDouble() * 0.004);
    double exitPrice = roundTo(win == longSide ? price + move : price - move, instrument.tick);
    double pnl =
        round((exitPrice - price) * (longSide ? 1 : -1) * contracts * instrument.pointValue, 2);
    long entryTime = signalTime + random.nextInt(2_000);
    long exitTime = entryTime + 60_000L * (1 + random.nextInt(90));
    TradeOutcome outcome =
        TradeOutcome.newBuilder()
            .setSignalId(signalId)
            .setUserId(userId)
            .setSymbol(instrument.symbol)
            .setSide(signal.getSide())
            .setEntryPrice(price)
            .setExitPrice(exitPrice)
            .setEntryTime(Instant.ofEpochMilli(entryTime))
            .setExitTime(Instant.ofEpochMilli(exitTime))
            .setContracts(contracts)
            .setPnl(pnl)
            .setExitReason(win ? "TARGET" : "STOP")
            .build();

    long first = 2 * trade;
    long later = first + 2L * (1 + random.nextInt(MAX_OUTCOME_DELAY_TRADES)) + 1;
    boolean outcomeFirst = random.nextDouble() < spec.earlyOutcomeRate();
    if (outcomeFirst) {
      counts.outcomesBeforeSignal++;
    }
    queue.add(
        new Pending(
            outcomeFirst ? later : first,
            sequence++,
            new Event(true, userId, signal, signalTime),
            false));
    queue.add(
        new Pending(
            outcomeFirst ? first : later,
            sequence++,
            new Event(false, userId, outcome, exitTime),
            false));
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static double roundTo(double value, double tick) {
    return round(Math.round(value / tick) * tick, 4);
  }

  /** Records handed out so far. */
  public long emitted() {
    return emitted;
  }
}
