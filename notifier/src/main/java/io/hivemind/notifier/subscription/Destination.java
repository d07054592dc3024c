package io.hivemind.notifier.subscription;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a subscription's notifications go, and in which format.
 *
 * @param url the webhook (generic, Discord's {@code …/api/webhooks/<id>/<token>}, Slack's incoming
 *     webhook) or Telegram's {@code https://api.telegram.org/bot<token>/sendMessage}
 * @param chatId Telegram's chat, else null
 */
public record Destination(Kind kind, URI url, String chatId) {

  /** The formats a destination takes. */
  public enum Kind {
    WEBHOOK,
    DISCORD,
    SLACK,
    TELEGRAM,
    EMAIL;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern DISCORD_PATH = Pattern.compile("/api/webhooks/[^/]+/[^/]+/?");
  private static final Pattern TELEGRAM_PATH = Pattern.compile("/bot[^/]+/sendMessage");
  private static final Pattern CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z0-9_]{5,32}");
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  /** An email destination: {@code mailto:<address>}. */
  public static Destination email(String address) {
    if (address == null || address.length() > 254 || !ADDRESS.matcher(address.trim()).matches()) {
      throw new IllegalArgumentException("email: not an email address");
    }
    return new Destination(Kind.EMAIL, URI.create("mailto:" + address.trim()), null);
  }

  /** The address of an email destination. */
  public String emailAddress() {
    return url.getSchemeSpecificPart();
  }

  /**
   * A destination, checked for its shape; where it points is checked at registration and before
   * each delivery by {@code AddressPolicy}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Destination of(Kind kind, String url, String chatId) {
    if (kind == null) {
      throw new IllegalArgumentException(
          "type: must be webhook, discord, slack, telegram or email");
    }
    if (kind == Kind.EMAIL) {
      if (url == null || !url.startsWith("mailto:") || chatId != null) {
        throw new IllegalArgumentException("email: an email destination takes an address");
      }
      return email(url.substring("mailto:".length()));
    }
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("url: not a URL: " + e.getReason());
    }
    if (!uri.isAbsolute()
        || uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("url: must be an absolute http(s) URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("url: must not carry a user name or password");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    switch (kind) {
      case DISCORD -> {
        if (!DISCORD_PATH.matcher(path).matches()) {
          throw new IllegalArgumentException(
              "url: a Discord webhook is …/api/webhooks/<id>/<token> (Channel settings →"
                  + " Integrations → Webhooks)");
        }
      }
      case TELEGRAM -> {
        if (!TELEGRAM_PATH.matcher(path).matches()) {
          throw new IllegalArgumentException(
              "url: a Telegram destination is https://api.telegram.org/bot<token>/sendMessage");
        }
        if (chatId == null || !CHAT.matcher(chatId).matches()) {
          throw new IllegalArgumentException(
              "chat_id: a Telegram destination needs the chat's id (-100…) or @channel name");
        }
        return new Destination(kind, uri, chatId);
      }
      default -> {}
    }
    if (chatId != null) {
      throw new IllegalArgumentException("chat_id: only a Telegram destination takes one");
    }
    return new Destination(kind, uri, null);
  }

  /**
   * What a destination's rate limit counts against: the webhook, or for Telegram the chat (its
   * limits are per chat, whatever bot token sends).
   */
  public String limitKey() {
    return kind == Kind.TELEGRAM ? "telegram:" + chatId : kind.wireName() + ":" + url;
  }

  /** The URL without its secret parts (Discord's token, Telegram's bot token, Slack's path). */
  public String redacted() {
    if (kind == Kind.EMAIL) {
      return url.toString();
    }
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + "/…";
  }
}
