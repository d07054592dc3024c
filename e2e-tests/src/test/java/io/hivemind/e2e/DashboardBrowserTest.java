package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The dashboard in headless Chromium against the local stack: signed in with a key typed into the
 * page, the fleet's figures moving as trades arrive, a user's badges and rank, the leaderboard
 * under handles, a replay's report opened from the browser, and the operator's emergency stop
 * reaching a bot's control stream. Each view is kept as a screenshot, desktop and phone-sized, in
 * {@code target/screenshots}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class DashboardBrowserTest {

  private static final Duration LIVE_WITHIN = Duration.ofSeconds(60);

  /**
   * Generous: the issue asks for under 1 s; the figure measured is printed and in
   * docs/dashboard.md.
   */
  private static final Duration HALT_REACHES_BOT_WITHIN = Duration.ofSeconds(5);

  private static LocalStack stack;
  private static Operator operator;
  private static String trader;
  private final Http http = new Http();

  @BeforeAll
  static void aFleetHasTraded(LocalStack shared) throws Exception {
    stack = shared;
    operator = new Operator(new Http(), stack.gateway(), stack.adminKey(), LocalStack.OPERATOR);
    stack.aFleetHasTraded();
    // one user of our own with enough trades to be ranked and to earn badges: 25 trades, 20 won
    trader = newUser();
    Http http = new Http();
    for (int i = 0; i < 25; i++) {
      trade(http, trader, i, i % 5 != 4);
    }
  }

  /** Whatever a failed test left behind, the next test gets a trading fleet. */
  @AfterEach
  void leaveTheFleetTrading() throws Exception {
    JsonNode fleet = operator.get("/api/maintenance/status").body();
    if (!fleet.path("trading_state").asText().equals("ACTIVE")) {
      operator.command("/api/emergency/resume_all", "e2e: leave the fleet trading");
    }
  }

  @Test
  void theFleetsFiguresMoveAsTradesArriveAndTheLeaderboardShowsHandlesOnly() throws Exception {
    String key = stack.adminKey();
    try (Dashboard page = Dashboard.open(stack.analytics()).signIn(key)) {
      // the key is held by the tab and shown nowhere: not in the address, not in the page
      assertThat(page.url()).doesNotContain(key);
      assertThat(page.script("return sessionStorage.getItem('hivemind.api-key')")).isEqualTo(key);
      assertThat(page.source()).doesNotContain(key);

      long before = awaitNumber(page, "fleet-experiences");
      String newcomer = newUser();
      for (int i = 0; i < 3; i++) {
        trade(http, newcomer, i, true);
      }
      Awaitility.await("the fleet's experiences grow on the page as trades arrive")
          .atMost(LIVE_WITHIN)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> number(page.text("fleet-experiences")).orElse(-1L) >= before + 3);
      assertThat(page.text("live")).isEqualTo("live");

      page.awaitVisible(By.cssSelector("#leaderboard table, #leaderboard .withheld"));
      List<String> handles = page.texts(By.cssSelector("#leaderboard-table td.handle"));
      String board = page.text("leaderboard");
      assertThat(board).doesNotContain(trader, newcomer, LocalStack.OPERATOR);
      if (handles.isEmpty()) {
        assertThat(board).contains("withheld");
      } else {
        assertThat(handles).doesNotContain(trader, newcomer).allMatch(h -> !h.isBlank());
      }
      page.awaitVisible(By.cssSelector("#fleet-pnl-chart svg, #fleet-pnl-chart .empty"));
      page.screenshot("fleet-desktop");
      page.resize(Dashboard.PHONE);
      page.screenshot("fleet-phone");

      page.signOut();
      assertThat(page.script("return sessionStorage.length")).isEqualTo(0L);
    }
  }

  @Test
  void aUserSeesTheirPerformanceBadgesAndRank() throws Exception {
    try (Dashboard page = Dashboard.open(stack.analytics()).signIn(stack.botKey(trader))) {
      assertThat(page.find(By.cssSelector("#nav a[data-view='operator']")).isDisplayed())
          .as("a bot key has no operator view")
          .isFalse();
      page.go("me");
      Awaitility.await("the trader's 25 trades, badges and rank are shown")
          .atMost(LIVE_WITHIN)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                assertThat(page.text("me-trades")).isEqualTo("25");
                assertThat(page.texts(By.cssSelector("#me-badges li.badge strong")))
                    .contains("first-trade", "trades-10", "profit-1k");
                assertThat(page.text("me-rank-pnl")).matches("#\\d+ of \\d+|unranked");
              });
      assertThat(page.text("me-win-rate")).isEqualTo("80.0 %");
      if (page.text("me-rank-pnl").equals("unranked")) {
        assertThat(page.text("me-unranked")).startsWith("Unranked: ");
      }
      assertThat(page.text("me-community"))
          .satisfiesAnyOf(
              text -> assertThat(text).contains("Community average"),
              text -> assertThat(text).contains("withheld"));
      page.screenshot("me-desktop");
      page.resize(Dashboard.PHONE);
      page.screenshot("me-phone");
    }
  }

  @Test
  void aReplaysReportOpensInTheBrowser() throws Exception {
    try (Dashboard page = Dashboard.open(stack.analytics()).signIn(stack.adminKey())) {
      page.go("replays");
      page.find(By.id("replay-run")).click();
      page.awaitVisible(By.cssSelector("#replay-result"));
      Awaitility.await("the replay finishes and offers its report")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !page.texts(By.cssSelector("button.open-report")).isEmpty());
      page.find(By.cssSelector("button.open-report")).click();
      page.awaitVisible(By.id("report-frame"));
      Awaitility.await("the report, fetched with the key in a header, is shown")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  String.valueOf(
                          page.script("return document.getElementById('report-frame').srcdoc"))
                      .contains("<svg class=\"equity\""));
      assertThat(page.find(By.id("report-tab")).getAttribute("href")).startsWith("blob:");
      page.screenshot("replays-desktop");
      page.resize(Dashboard.PHONE);
      page.screenshot("replays-phone");
    }
  }

  @Test
  void theOperatorsEmergencyStopReachesABotsControlStream() throws Exception {
    String bot = newUser();
    String reason = "e2e dashboard halt " + UUID.randomUUID();
    try (Dashboard page = Dashboard.open(stack.analytics()).signIn(stack.adminKey());
        ControlStream stream =
            ControlStream.open(
                stack.gateway() + "/api/control/stream?user_id=" + bot, stack.botKey(bot))) {
      assertThat(stream.awaitState(0, "ACTIVE", Duration.ofSeconds(10))).isPresent();
      page.go("operator");
      Awaitility.await("the operator view reads the kill switch")
          .atMost(Duration.ofSeconds(15))
          .until(() -> page.text("op-trading").equals("ACTIVE"));
      // the demo fleet asked about its signals and traded them: both models scored in shadow
      Awaitility.await("the models' scores against the fleet's outcomes")
          .atMost(Duration.ofSeconds(60))
          .until(() -> page.text("op-models").contains("pattern"));
      assertThat(page.text("op-models")).contains("Challenger");
      page.screenshot("operator-desktop");

      // from a phone-sized screen: a reason, the big button, the confirmation
      page.resize(Dashboard.PHONE);
      page.find(By.id("halt")).click();
      assertThat(page.text("command-error")).contains("reason");
      assertThat(page.find(By.id("confirm")).isDisplayed()).isFalse();
      page.find(By.id("command-reason")).sendKeys(reason);
      page.find(By.id("halt")).click();
      page.awaitVisible(By.id("confirm-ok"));
      assertThat(page.text("confirm-text")).contains("global", reason);
      page.screenshot("operator-confirm-phone");
      int mark = stream.size();
      long pressed = System.nanoTime();
      page.find(By.id("confirm-ok")).click();

      Optional<ControlStream.Event> halted =
          stream.awaitState(mark, "HALTED", HALT_REACHES_BOT_WITHIN);
      assertThat(halted).as("the bot's control stream says HALTED").isPresent();
      double millis = (halted.get().arrivedNanos() - pressed) / 1e6;
      String figure =
          String.format(
              Locale.ROOT,
              "dashboard halt: confirm pressed -> bot's control stream %.1f ms%n",
              millis);
      System.out.print(figure);
      Files.writeString(
          Path.of("target", "screenshots", "halt-latency.txt"),
          figure,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);

      JsonNode state = operator.get("/api/control/state").body();
      assertThat(state.at("/fleet/trading_state").asText()).isEqualTo("HALTED");
      Awaitility.await("the page shows the fleet halted")
          .atMost(Duration.ofSeconds(10))
          .until(() -> page.text("op-trading").equals("HALTED"));
      assertThat(operator.get("/api/audit?limit=20").body().findValuesAsText("reason"))
          .contains(reason);
      page.screenshot("operator-halted-phone");
      page.resize(Dashboard.DESKTOP);
      page.screenshot("operator-halted-desktop");

      // and back, the same way
      page.find(By.id("command-reason")).sendKeys("e2e dashboard resume");
      page.find(By.id("resume")).click();
      page.find(By.id("confirm-ok")).click();
      assertThat(stream.awaitState(mark, "ACTIVE", Duration.ofSeconds(10))).isPresent();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String newUser() {
    return "dash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** POSTs the signal and outcome of trade {@code i} of {@code user}, won or lost. */
  private static void trade(Http http, String user, int i, boolean win) throws Exception {
    String id = user + "-" + i;
    Instant at = Instant.now().minusSeconds(600L - i);
    String[] key = Http.bearer(stack.botKey(user));
    Http.Answer signal =
        http.post(stack.gateway() + "/api/signals", BotEvents.signal(user, id, "ES", at), key);
    Http.Answer outcome =
        http.post(
            stack.gateway() + "/api/outcomes", BotEvents.outcome(user, id, "ES", at, win), key);
    assertThat(signal.status()).as(signal.body().toString()).isEqualTo(202);
    assertThat(outcome.status()).as(outcome.body().toString()).isEqualTo(202);
  }

  private static long awaitNumber(Dashboard page, String id) {
    return Awaitility.await(id + " shows a number")
        .atMost(LIVE_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> number(page.text(id)), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<Long> number(String shown) {
    String digits = shown.replace(",", "");
    return digits.matches("\\d+") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
  }
}
