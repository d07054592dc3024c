package io.hivemind.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.botapi.Instruments;
import io.hivemind.gateway.api.JunkSymbols.Junk;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Random and mutated requests for the gateway, all drawn from one seeded {@link Random}, so a seed
 * names a run: valid signals, outcomes, heartbeats and batches, then fields dropped, duplicated or
 * retyped, unicode look-alikes, huge strings and numbers, NaN and Infinity, deep nesting, truncated
 * or random bytes, other content types and wrong, revoked or missing keys. Valid bodies use the
 * instruments the gateway is configured with ({@link Instruments#DEFAULT}); some otherwise valid
 * bodies carry one symbol that is none of them ({@link JunkSymbols}).
 */
final class FuzzRequests {

  /**
   * One request as it will be sent; {@code actingUser} is the user of its key when valid, {@code
   * junkSymbolField} the field holding a symbol that is no instrument (in a body valid but for it),
   * else null.
   */
  record Planned(
      int index,
      String method,
      String path,
      String contentType,
      String authorization,
      byte[] body,
      String actingUser,
      String mutation,
      String junkSymbolField) {

    @Override
    public String toString() {
      String text = new String(body, StandardCharsets.UTF_8);
      return "#"
          + index
          + " "
          + method
          + " "
          + path
          + " ["
          + mutation
          + "] content-type="
          + contentType
          + " body("
          + body.length
          + ")="
          + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  /** Who may be asked to sign a request. */
  record Credentials(
      String alice, String aliceUser, String bob, String bobUser, String revoked, String unknown) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] UNICODE_TRICKS = {
    "\u200B", // zero-width space
    "\u200D", // zero-width joiner
    "\u202E", // right-to-left override
    "\uFEFF", // byte order mark
    "\u0415", // Cyrillic Ie (looks like E)
    "\u0405", // Cyrillic Dze (looks like S)
    "\uFF25", // fullwidth E
    "\u0000", // NUL
    "\uD83D\uDE00", // an emoji (a surrogate pair)
    "E\u0301", // E and a combining accent
    "\u0662", // Arabic-Indic digit two
    "\u017F", // long s (upper-cases to S)
    "\u0131", // dotless i
    "\u2028", // line separator
  };

  private static final String[] CONTENT_TYPES = {
    null,
    "text/plain",
    "application/xml",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json; charset=utf-16",
    "application/json;charset=no-such-charset",
    "application/problem+json",
    "application/json-patch+json",
    "*/*",
    "application/*",
    "json",
    "@@@",
    "application/json, text/plain",
    "application/json; q=0.5",
    "APPLICATION/JSON",
  };

  private static final List<String> SYMBOLS = Instruments.DEFAULT;
  private static final String[] FIELDS_SIGNAL = {
    "signal_id", "user_id", "symbol", "side", "price", "timestamp", "strategy", "features"
  };
  private static final String[] FIELDS_OUTCOME = {
    "signal_id",
    "user_id",
    "symbol",
    "side",
    "entry_price",
    "exit_price",
    "entry_time",
    "exit_time",
    "contracts",
    "pnl",
    "exit_reason"
  };
  private static final String[] FIELDS_HEARTBEAT = {
    "user_id", "bot_version", "status", "open_positions", "symbols", "timestamp", "force_close_ack"
  };

  private final Random random;
  private final JunkSymbols junkSymbols;
  private final Credentials keys;
  private final Instant now;
  private final int maxBody;

  FuzzRequests(long seed, Credentials keys, Instant now, int maxBody) {
    this.random = new Random(seed);
    this.junkSymbols = new JunkSymbols(random);
    this.keys = keys;
    this.now = now.truncatedTo(ChronoUnit.MILLIS);
    this.maxBody = maxBody;
  }

  List<Planned> plan(int count) {
    List<Planned> planned = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      planned.add(next(i));
    }
    return planned;
  }

  private Planned next(int index) {
    String[] auth = authorization();
    String authorization = auth[0];
    String actingUser = auth[1];
    String bodyUser = bodyUser(actingUser);
    int kind = random.nextInt(100);
    if (kind < 88 && random.nextInt(100) < 8) {
      return junkSymbol(index, kind, authorization, actingUser);
    }
    String method = "POST";
    String path;
    Object body;
    if (kind < 30) {
      path = "/api/signals";
      body = signal(bodyUser);
    } else if (kind < 55) {
      path = "/api/outcomes";
      body = outcome(bodyUser);
    } else if (kind < 73) {
      path = "/api/bots/heartbeat";
      body = heartbeat(bodyUser);
    } else if (kind < 88) {
      path = "/api/events";
      body = batch(actingUser);
    } else {
      return other(index, authorization, actingUser);
    }
    StringBuilder mutation = new StringBuilder();
    byte[] bytes = mutate(body, mutation);
    String contentType = contentType(mutation);
    return new Planned(
        index,
        method,
        path,
        contentType,
        authorization,
        bytes,
        actingUser,
        mutation.toString(),
        null);
  }

  /**
   * A request that is valid but for one symbol that is no instrument traded here, in any of the
   * places a symbol goes: it must be refused, naming that field, and nothing of it sent.
   */
  private Planned junkSymbol(int index, int kind, String authorization, String actingUser) {
    Junk junk = junkSymbols.next();
    String user = random.nextBoolean() ? actingUser : null;
    String path;
    String field;
    Object body;
    if (kind < 30) {
      path = "/api/signals";
      field = "symbol";
      Map<String, Object> signal = signal(user);
      signal.put(field, junk.symbol());
      body = signal;
    } else if (kind < 55) {
      path = "/api/outcomes";
      field = "symbol";
      Map<String, Object> outcome = outcome(user);
      outcome.put(field, junk.symbol());
      body = outcome;
    } else if (kind < 73) {
      path = "/api/bots/heartbeat";
      List<String> symbols = new ArrayList<>(List.of(symbol(), symbol()));
      int at = random.nextInt(symbols.size());
      symbols.set(at, junk.symbol());
      field = "symbols[" + at + "]";
      Map<String, Object> heartbeat = heartbeat(user);
      heartbeat.put("symbols", symbols);
      body = heartbeat;
    } else {
      path = "/api/events";
      List<Object> signals = new ArrayList<>();
      List<Object> outcomes = new ArrayList<>();
      for (int i = 1 + random.nextInt(40); i > 0; i--) {
        Map<String, Object> item = random.nextBoolean() ? signal(user) : outcome(user);
        (item.containsKey("price") ? signals : outcomes).add(item);
      }
      String list =
          signals.isEmpty() || (!outcomes.isEmpty() && random.nextBoolean())
              ? "outcomes"
              : "signals";
      List<Object> items = list.equals("signals") ? signals : outcomes;
      int at = random.nextInt(items.size());
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) items.get(at);
      item.put("symbol", junk.symbol());
      field = list + "[" + at + "].symbol";
      body = Map.of("signals", signals, "outcomes", outcomes);
    }
    return new Planned(
        index,
        "POST",
        path,
        "application/json",
        authorization,
        json(body).getBytes(StandardCharsets.UTF_8),
        actingUser,
        "junk symbol (" + junk.kind() + ")",
        field);
  }

  // ---------------------------------------------------------------- keys and users

  /** The Authorization header, and the user it authenticates as (null when it does not). */
  private String[] authorization() {
    int pick = random.nextInt(100);
    if (pick < 62) {
      return new String[] {"Bearer " + keys.alice(), keys.aliceUser()};
    }
    if (pick < 80) {
      return new String[] {"Bearer " + keys.bob(), keys.bobUser()};
    }
    if (pick < 82) {
      return new String[] {"bearer  " + keys.alice() + " ", keys.aliceUser()};
    }
    return switch (pick) {
      case 82, 83, 84 -> new String[] {null, null};
      case 85, 86, 87 -> new String[] {"Bearer " + keys.revoked(), null};
      case 88, 89, 90 -> new String[] {"Bearer " + keys.unknown(), null};
      case 91 -> new String[] {"Bearer " + asciiJunk(1 + random.nextInt(80)), null};
      case 92 -> new String[] {"Basic YWxpY2U6c2VjcmV0", null};
      case 93 -> new String[] {"Bearer " + keys.alice() + "x", null};
      case 94 -> new String[] {"Bearer " + keys.alice().substring(0, 20), null};
      case 95 -> new String[] {keys.alice(), null};
      case 96 -> new String[] {"Bearer " + "A".repeat(2_000 + random.nextInt(2_000)), null};
      case 97 -> new String[] {"Bearer", null};
      default ->
          new String[] {
            "Bearer " + keys.alice().replace('_', random.nextBoolean() ? '-' : '.'), null
          };
    };
  }

  private String bodyUser(String actingUser) {
    String own = actingUser == null ? keys.aliceUser() : actingUser;
    int pick = random.nextInt(100);
    if (pick < 62) {
      return own;
    }
    if (pick < 82) {
      return null; // absent: the key's
    }
    if (pick < 88) {
      return own.equals(keys.aliceUser()) ? keys.bobUser() : keys.aliceUser();
    }
    if (pick < 94) {
      return "u" + Long.toHexString(random.nextLong());
    }
    return own + UNICODE_TRICKS[random.nextInt(UNICODE_TRICKS.length)];
  }

  // ---------------------------------------------------------------- valid bodies

  private String id() {
    return Long.toHexString(random.nextLong()) + "-" + Integer.toHexString(random.nextInt());
  }

  private String time(int secondsAgo) {
    return now.minusSeconds(secondsAgo).toString();
  }

  private String symbol() {
    return SYMBOLS.get(random.nextInt(SYMBOLS.size()));
  }

  private String side() {
    return random.nextBoolean() ? "LONG" : "SHORT";
  }

  private Map<String, Object> signal(String user) {
    Map<String, Object> signal = new LinkedHashMap<>();
    signal.put("signal_id", id());
    if (user != null) {
      signal.put("user_id", user);
    }
    signal.put("symbol", symbol());
    signal.put("side", side());
    signal.put("price", 100 + random.nextInt(5_000) + random.nextInt(100) / 100.0);
    signal.put("timestamp", time(random.nextInt(3_600)));
    if (random.nextBoolean()) {
      signal.put("strategy", "vwap_rsi");
    }
    if (random.nextInt(4) > 0) {
      Map<String, Object> features = new LinkedHashMap<>();
      features.put("rsi", random.nextInt(10_000) / 100.0);
      features.put("vwap_z", (random.nextInt(800) - 400) / 100.0);
      signal.put("features", features);
    }
    return signal;
  }

  private Map<String, Object> outcome(String user) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("signal_id", id());
    if (user != null) {
      outcome.put("user_id", user);
    }
    outcome.put("symbol", symbol());
    outcome.put("side", side());
    outcome.put("entry_price", 1_000 + random.nextInt(1_000) / 4.0);
    outcome.put("exit_price", 1_000 + random.nextInt(1_000) / 4.0);
    int entered = 60 + random.nextInt(3_600);
    outcome.put("entry_time", time(entered));
    outcome.put("exit_time", time(random.nextInt(entered)));
    outcome.put("contracts", 1 + random.nextInt(10));
    outcome.put("pnl", (random.nextInt(200_000) - 100_000) / 100.0);
    outcome.put("exit_reason", random.nextBoolean() ? "TARGET" : "STOP");
    return outcome;
  }

  private Map<String, Object> heartbeat(String user) {
    Map<String, Object> heartbeat = new LinkedHashMap<>();
    if (user != null) {
      heartbeat.put("user_id", user);
    }
    heartbeat.put("bot_version", "4.0." + random.nextInt(10));
    heartbeat.put("status", "RUNNING");
    heartbeat.put("open_positions", random.nextInt(5));
    heartbeat.put("symbols", List.of(symbol(), symbol()));
    heartbeat.put("timestamp", time(random.nextInt(60)));
    return heartbeat;
  }

  private Map<String, Object> batch(String actingUser) {
    int size =
        random.nextInt(200) == 0
            ? 995 + random.nextInt(10)
            : 1 + random.nextInt(random.nextInt(20) + 1);
    List<Object> signals = new ArrayList<>();
    List<Object> outcomes = new ArrayList<>();
    boolean compact = size > 100;
    for (int i = 0; i < size; i++) {
      String user = random.nextInt(30) == 0 ? bodyUser(actingUser) : actingUser;
      Map<String, Object> item = random.nextBoolean() ? signal(user) : outcome(user);
      if (compact) {
        item.remove("features");
        item.remove("strategy");
      }
      if (random.nextInt(40) == 0) {
        retype(item, new StringBuilder());
      }
      (item.containsKey("price") ? signals : outcomes).add(item);
    }
    Map<String, Object> batch = new LinkedHashMap<>();
    if (!signals.isEmpty() || random.nextInt(10) == 0) {
      batch.put("signals", signals);
    }
    if (!outcomes.isEmpty() || random.nextInt(10) == 0) {
      batch.put("outcomes", outcomes);
    }
    return batch;
  }

  // ---------------------------------------------------------------- mutations

  private byte[] mutate(Object body, StringBuilder mutation) {
    if (random.nextInt(100) < 30) {
      mutation.append("none");
      return json(body).getBytes(StandardCharsets.UTF_8);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = body instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    int structural = 1 + random.nextInt(3);
    for (int i = 0; i < structural && fields != null; i++) {
      int pick = random.nextInt(7);
      switch (pick) {
        case 0 -> drop(fields, mutation);
        case 1, 2 -> retype(fields, mutation);
        case 3 -> unicode(fields, mutation);
        case 4 -> hugeString(fields, mutation);
        case 5 -> badTime(fields, mutation);
        default -> extraField(fields, mutation);
      }
    }
    String text = json(body);
    if (random.nextInt(100) < 45) {
      text = mutateText(text, mutation);
    }
    if (random.nextInt(100) < 4) {
      return randomBytes(mutation);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String pickKey(Map<String, Object> fields) {
    if (fields.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>(fields.keySet());
    return names.get(random.nextInt(names.size()));
  }

  private void drop(Map<String, Object> fields, StringBuilder mutation) {
    String name = pickKey(fields);
    if (name != null) {
      fields.remove(name);
      mutation.append("drop ").append(name).append("; ");
    }
  }

  private void retype(Map<String, Object> fields, StringBuilder mutation) {
    String name = random.nextInt(5) == 0 ? knownField() : pickKey(fields);
    if (name != null) {
      fields.put(name, randomValue(2));
      mutation.append("retype ").append(name).append("; ");
    }
  }

  private String knownField() {
    String[][] all = {FIELDS_SIGNAL, FIELDS_OUTCOME, FIELDS_HEARTBEAT};
    String[] fields = all[random.nextInt(all.length)];
    return fields[random.nextInt(fields.length)];
  }

  private void unicode(Map<String, Object> fields, StringBuilder mutation) {
    String name = pickKey(fields);
    if (name == null) {
      return;
    }
    Object value = fields.get(name);
    String base = value instanceof String text ? text : "ES";
    int at = random.nextInt(base.length() + 1);
    String trick = UNICODE_TRICKS[random.nextInt(UNICODE_TRICKS.length)];
    fields.put(name, base.substring(0, at) + trick + base.substring(at));
    mutation.append("unicode ").append(name).append("; ");
  }

  private void hugeString(Map<String, Object> fields, StringBuilder mutation) {
    String name = pickKey(fields);
    if (name == null || random.nextInt(3) > 0) {
      return;
    }
    int length =
        random.nextInt(8) == 0
            ? maxBody + random.nextInt(maxBody / 4)
            : 17_000 + random.nextInt(100_000);
    fields.put(name, "x".repeat(length));
    mutation.append("huge ").append(name).append(' ').append(length).append("; ");
  }

  private void badTime(Map<String, Object> fields, StringBuilder mutation) {
    String[] times = {
      now.plusSeconds(3_600).toString(),
      now.minus(31, ChronoUnit.DAYS).toString(),
      "9999-12-31T23:59:59Z",
      "+1000000000-01-01T00:00:00Z",
      "-999999999-01-01T00:00:00Z",
      "1970-01-01T00:00:00Z",
      "2026-02-30T00:00:00Z",
      "2026-11-21T14:32:45",
      "2026-11-21 14:32:45Z",
      "\u0662\u0660\u0662\u0666-11-21T14:32:45Z",
      "",
      "now",
    };
    String name =
        random.nextBoolean() ? "timestamp" : (random.nextBoolean() ? "entry_time" : "exit_time");
    fields.put(name, times[random.nextInt(times.length)]);
    mutation.append("time ").append(name).append("; ");
  }

  private void extraField(Map<String, Object> fields, StringBuilder mutation) {
    fields.put("x" + random.nextInt(100), randomValue(3));
    mutation.append("extra; ");
  }

  private Object randomValue(int depth) {
    int pick = random.nextInt(depth > 0 ? 16 : 12);
    return switch (pick) {
      case 0 -> random.nextInt();
      case 1 -> random.nextLong();
      case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 3 -> -random.nextDouble();
      case 4 -> random.nextBoolean();
      case 5 -> null;
      case 6 -> "";
      case 7 -> asciiJunk(1 + random.nextInt(40));
      case 8 -> UNICODE_TRICKS[random.nextInt(UNICODE_TRICKS.length)];
      case 9 -> random.nextBoolean() ? "NaN" : "Infinity";
      case 10 -> "4500.25";
      case 11 -> "LONG";
      case 12, 13 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(randomValue(depth - 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(random.nextBoolean() ? "rsi" : asciiJunk(3), randomValue(depth - 1));
        }
        yield map;
      }
    };
  }

  private String mutateText(String text, StringBuilder mutation) {
    int pick = random.nextInt(12);
    switch (pick) {
      case 0 -> {
        mutation.append("truncate; ");
        return text.substring(0, random.nextInt(Math.max(1, text.length())));
      }
      case 1 -> {
        mutation.append("flip; ");
        char[] chars = text.toCharArray();
        for (int i = 1 + random.nextInt(4); i > 0 && chars.length > 0; i--) {
          chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
        }
        return new String(chars);
      }
      case 2 -> {
        mutation.append("duplicate field; ");
        String name = knownField();
        return text.replaceFirst(
            "\\{", Matcher.quoteReplacement("{\"" + name + "\":" + json(randomValue(1)) + ","));
      }
      case 3 -> {
        mutation.append("non-numeric literal; ");
        String literal =
            new String[] {"NaN", "Infinity", "-Infinity", "+Infinity"}[random.nextInt(4)];
        return text.replaceFirst(":(-?[0-9]+\\.[0-9]+)", Matcher.quoteReplacement(":" + literal));
      }
      case 4 -> {
        int depth = random.nextInt(4) == 0 ? 1 + random.nextInt(30) : 33 + random.nextInt(5_000);
        mutation.append("nesting ").append(depth).append("; ");
        String deep =
            random.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return text.replaceFirst("\\{", Matcher.quoteReplacement("{\"deep\":" + deep + ","));
      }
      case 5 -> {
        int digits =
            random.nextBoolean() ? 20 + random.nextInt(60) : 1_000 + random.nextInt(50_000);
        mutation.append("huge number ").append(digits).append("; ");
        StringBuilder number = new StringBuilder("9");
        for (int i = 1; i < digits; i++) {
          number.append((char) ('0' + random.nextInt(10)));
        }
        return text.replaceFirst(":(-?[0-9]+(\\.[0-9]+)?)", Matcher.quoteReplacement(":" + number));
      }
      case 6 -> {
        mutation.append("trailing; ");
        return text + (random.nextBoolean() ? text : " garbage");
      }
      case 7 -> {
        mutation.append("wrapped; ");
        return random.nextBoolean() ? "[" + text + "]" : "{\"signals\":" + text + "}";
      }
      case 8 -> {
        mutation.append("lone surrogate; ");
        return text.replaceFirst("\":\"", Matcher.quoteReplacement("\":\"\\ud800"));
      }
      case 9 -> {
        mutation.append("bom; ");
        return "\uFEFF" + text;
      }
      case 10 -> {
        mutation.append("scalar; ");
        return new String[] {"null", "[]", "{}", "\"x\"", "123", "true", "", " "}
            [random.nextInt(8)];
      }
      default -> {
        mutation.append("big exponent; ");
        return text.replaceFirst(
            ":(-?[0-9]+\\.[0-9]+)",
            Matcher.quoteReplacement(":1e" + (300 + random.nextInt(10_000))));
      }
    }
  }

  private byte[] randomBytes(StringBuilder mutation) {
    mutation.append("random bytes; ");
    byte[] bytes = new byte[random.nextInt(2_000)];
    random.nextBytes(bytes);
    if (bytes.length > 0 && random.nextBoolean()) {
      bytes[0] = '{';
    }
    return bytes;
  }

  private String contentType(StringBuilder mutation) {
    int pick = random.nextInt(100);
    if (pick < 84) {
      return "application/json";
    }
    if (pick < 87) {
      return "application/json; charset=UTF-8";
    }
    String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
    mutation.append("content-type; ");
    return type;
  }

  private String asciiJunk(int length) {
    StringBuilder junk = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      junk.append((char) (33 + random.nextInt(94)));
    }
    return junk.toString();
  }

  // ---------------------------------------------------------------- other endpoints

  private Planned other(int index, String authorization, String actingUser) {
    int pick = random.nextInt(12);
    String method = "GET";
    String path;
    String contentType = null;
    byte[] body = new byte[0];
    String mutation = "other";
    switch (pick) {
      case 0, 1 -> {
        String user = bodyUser(actingUser);
        path =
            "/api/maintenance/status"
                + query(
                    "user_id",
                    user,
                    "tier",
                    random.nextBoolean() ? "elite" : asciiJunk(3),
                    "symbol",
                    switch (random.nextInt(3)) {
                      case 0 -> symbol();
                      case 1 -> queryJunkSymbol();
                      default -> UNICODE_TRICKS[random.nextInt(UNICODE_TRICKS.length)];
                    });
      }
      case 2 ->
          path =
              "/api/schedule/get"
                  + query(
                      "scope",
                      random.nextBoolean() ? "user:" + bodyUser(actingUser) : asciiJunk(8));
      case 3 -> path = "/api/audit" + query("limit", String.valueOf(random.nextInt(20_000) - 5));
      case 4 -> path = "/api/control/state";
      case 5 -> path = "/api/bots/active";
      case 6, 7 -> {
        method = "POST";
        String[] commands = {
          "/api/emergency/pause_all",
          "/api/emergency/force_close",
          "/api/control/trading",
          "/api/maintenance/enable",
          "/api/learning/pause",
          "/api/schedule/set"
        };
        path = commands[random.nextInt(commands.length)];
        contentType = "application/json";
        body =
            json(Map.of("reason", "fuzz", "scope", "global", "state", "HALTED"))
                .getBytes(StandardCharsets.UTF_8);
      }
      case 8 -> {
        method = random.nextBoolean() ? "PUT" : "DELETE";
        path = "/api/signals";
      }
      case 9 -> path = "/api/" + asciiJunk(6).replaceAll("[^A-Za-z0-9]", "x");
      case 10 -> {
        method = "POST";
        path = "/api/bench/noop";
        contentType = random.nextBoolean() ? "application/json" : "text/plain";
        body = mutate(signal(actingUser), new StringBuilder());
      }
      default -> path = "/api/signals";
    }
    return new Planned(
        index, method, path, contentType, authorization, body, actingUser, mutation, null);
  }

  /**
   * A junk symbol short enough for a query string: Vert.x answers a request line over 4 KiB ({@code
   * quarkus.http.limits.max-initial-line-length}) with a bare 414, no problem+json, before any of
   * the gateway's code runs. That gap is open; this keeps the fuzz on what the gateway answers
   * itself.
   */
  private String queryJunkSymbol() {
    String symbol = junkSymbols.next().symbol();
    return symbol.length() > 200 ? symbol.substring(0, 200) : symbol;
  }

  private static String query(String... pairs) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        continue;
      }
      query.append(query.isEmpty() ? '?' : '&');
      query
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
