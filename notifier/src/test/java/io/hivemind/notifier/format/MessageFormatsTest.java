package io.hivemind.notifier.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.notifier.event.Audience;
import io.hivemind.notifier.event.EventKind;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.subscription.Destination;
import io.hivemind.notifier.subscription.Destination.Kind;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageFormatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Notification TRADE =
      new Notification(
          "trade.closed:o-1",
          EventKind.TRADE_CLOSED,
          Audience.user("a1b2c3d4e5f6"),
          Instant.parse("2026-12-03T10:00:00Z"),
          "Trade closed: ES LONG +$250.00",
          "@everyone won",
          Map.of("symbol", "ES", "pnl", 250.0));

  private static JsonNode render(Notification notification, Destination destination)
      throws Exception {
    Message message = MessageFormats.render(notification, destination);
    assertThat(message.contentType()).isEqualTo("application/json");
    return JSON.readTree(message.body());
  }

  @Test
  void shouldGiveAGenericWebhookTheWholeEvent() throws Exception {
    JsonNode body = render(TRADE, Destination.of(Kind.WEBHOOK, "https://h.example/x", null));

    assertThat(body.path("id").asText()).isEqualTo("trade.closed:o-1");
    assertThat(body.path("type").asText()).isEqualTo("trade.closed");
    assertThat(body.path("occurred_at").asText()).isEqualTo("2026-12-03T10:00:00Z");
    assertThat(body.path("user_id").asText()).isEqualTo("a1b2c3d4e5f6");
    assertThat(body.has("fleet")).isFalse();
    assertThat(body.path("data").path("pnl").asDouble()).isEqualTo(250.0);
  }

  @Test
  void shouldMarkAFleetEventAsTheFleets() throws Exception {
    Notification halt =
        new Notification(
            "control:7",
            EventKind.CONTROL_CHANGED,
            Audience.FLEET,
            Instant.EPOCH,
            "HALTED",
            "",
            null);

    JsonNode body = render(halt, Destination.of(Kind.WEBHOOK, "https://h.example/x", null));

    assertThat(body.path("fleet").asBoolean()).isTrue();
    assertThat(body.has("user_id")).isFalse();
  }

  @Test
  void shouldSendDiscordAMessageThatCanMentionNoOne() throws Exception {
    JsonNode body =
        render(TRADE, Destination.of(Kind.DISCORD, "https://discord.com/api/webhooks/1/t", null));

    assertThat(body.path("content").asText())
        .isEqualTo("**Trade closed: ES LONG +$250.00**\n@everyone won");
    assertThat(body.path("allowed_mentions").path("parse").isArray()).isTrue();
    assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
  }

  @Test
  void shouldSendSlackAndTelegramTheirOwnShapes() throws Exception {
    assertThat(
            render(TRADE, Destination.of(Kind.SLACK, "https://hooks.slack.com/services/x", null))
                .path("text")
                .asText())
        .isEqualTo("*Trade closed: ES LONG +$250.00*\n@everyone won");

    JsonNode telegram =
        render(
            TRADE,
            Destination.of(Kind.TELEGRAM, "https://api.telegram.org/bot1:A/sendMessage", "-1001"));
    assertThat(telegram.path("chat_id").asText()).isEqualTo("-1001");
    assertThat(telegram.path("text").asText()).startsWith("Trade closed: ES LONG +$250.00\n");
    assertThat(telegram.path("disable_web_page_preview").asBoolean()).isTrue();
  }

  @Test
  void shouldCutAChatMessageToTheServicesLimit() throws Exception {
    Notification longOne =
        new Notification(
            "x",
            EventKind.DAILY_SUMMARY,
            Audience.user("u"),
            Instant.EPOCH,
            "t",
            "y".repeat(5000),
            null);

    assertThat(
            render(
                    longOne,
                    Destination.of(Kind.DISCORD, "https://discord.com/api/webhooks/1/t", null))
                .path("content")
                .asText())
        .hasSize(2000)
        .endsWith("…");
  }
}
