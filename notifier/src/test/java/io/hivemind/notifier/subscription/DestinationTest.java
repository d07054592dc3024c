package io.hivemind.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.notifier.subscription.Destination.Kind;
import org.junit.jupiter.api.Test;

class DestinationTest {

  @Test
  void shouldTakeEachServicesUrlShape() {
    assertThat(
            Destination.of(Kind.DISCORD, "https://discord.com/api/webhooks/123/abc", null).kind())
        .isEqualTo(Kind.DISCORD);
    assertThat(Destination.of(Kind.SLACK, "https://hooks.slack.com/services/T/B/x", null).kind())
        .isEqualTo(Kind.SLACK);
    assertThat(
            Destination.of(
                    Kind.TELEGRAM, "https://api.telegram.org/bot123:AA/sendMessage", "-1001234")
                .chatId())
        .isEqualTo("-1001234");
  }

  @Test
  void shouldNameTheFieldThatIsWrong() {
    assertThatThrownBy(() -> Destination.of(Kind.WEBHOOK, "not a url", null))
        .hasMessageStartingWith("url:");
    assertThatThrownBy(() -> Destination.of(Kind.WEBHOOK, "file:///etc/passwd", null))
        .hasMessage("url: must be an absolute http(s) URL");
    assertThatThrownBy(() -> Destination.of(Kind.WEBHOOK, "https://u:p@hook.example/x", null))
        .hasMessage("url: must not carry a user name or password");
    assertThatThrownBy(() -> Destination.of(Kind.DISCORD, "https://discord.com/channels/1", null))
        .hasMessageStartingWith("url: a Discord webhook is");
    assertThatThrownBy(
            () ->
                Destination.of(Kind.TELEGRAM, "https://api.telegram.org/bot1:A/sendMessage", null))
        .hasMessageStartingWith("chat_id:");
    assertThatThrownBy(() -> Destination.of(Kind.SLACK, "https://hooks.slack.com/x", "-100"))
        .hasMessage("chat_id: only a Telegram destination takes one");
    assertThatThrownBy(() -> Destination.of(null, "https://hook.example", null))
        .hasMessageStartingWith("type:");
  }

  @Test
  void shouldKeepItsSecretsOutOfWhatItShows() {
    assertThat(
            Destination.of(Kind.DISCORD, "https://discord.com/api/webhooks/123/token", null)
                .redacted())
        .isEqualTo("https://discord.com/…");
  }
}
