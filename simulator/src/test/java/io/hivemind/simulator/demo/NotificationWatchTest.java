package io.hivemind.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.simulator.bot.BotClient;
import io.hivemind.simulator.bot.BotTransport;
import io.hivemind.simulator.bot.Delivery;
import io.hivemind.simulator.bot.ForwardingTransport;
import io.hivemind.simulator.bot.HeartbeatAnswer;
import io.hivemind.simulator.bot.OfflineTransport;
import io.hivemind.simulator.fleet.SimulatedUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The demo's notification receiver: signatures as the notifier signs them; the crashed bot. */
class NotificationWatchTest {

  private static final byte[] BODY = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

  // computed independently: python3 hmac.new(b'whsec_demo', b'1700000000.' + BODY, sha256)
  private static final String V1 =
      "d62ff45702f77a32e37ef28385e0d9e6d93f3193f99e29b3db79daef7b6332df";

  @Test
  void shouldVerifyTheNotifiersSignatureAndNothingElse() {
    assertThat(NotificationWatch.verifies("t=1700000000,v1=" + V1, BODY, "whsec_demo")).isTrue();
    assertThat(NotificationWatch.verifies("t=1700000001,v1=" + V1, BODY, "whsec_demo")).isFalse();
    assertThat(NotificationWatch.verifies("t=1700000000,v1=" + V1, BODY, "whsec_other")).isFalse();
    assertThat(
            NotificationWatch.verifies(
                "t=1700000000,v1=" + V1, "{\"type\":\"pong\"}".getBytes(), "whsec_demo"))
        .isFalse();
    assertThat(NotificationWatch.verifies("v1=" + V1, BODY, "whsec_demo")).isFalse();
    assertThat(NotificationWatch.verifies("t=1700000000,v1=zz", BODY, "whsec_demo")).isFalse();
    assertThat(NotificationWatch.verifies(null, BODY, "whsec_demo")).isFalse();
  }

  @Test
  void shouldLeaveEveryBotAloneUntilSubscribedAndTheOthersAlwaysAlone() throws Exception {
    SimulatedUser watched = new SimulatedUser("aaaaaaaaaaaa", 0, 0.1, 0.55, List.of("ES"), "pro");
    SimulatedUser crashed = new SimulatedUser("bbbbbbbbbbbb", 1, 0.1, 0.55, List.of("ES"), "pro");
    SimulatedUser other = new SimulatedUser("cccccccccccc", 2, 0.1, 0.55, List.of("ES"), "pro");
    Counting transport = new Counting();
    // nothing listens on port 1: nothing is registered in this test
    try (NotificationWatch watch =
        NotificationWatch.open(
            BotClient.newHttpClient(), URI.create("http://127.0.0.1:1"), watched, crashed)) {
      BotTransport crashing = watch.around(crashed, transport);
      BotTransport untouched = watch.around(other, transport);

      assertThat(crashing.heartbeat(heartbeat(crashed)).delivery()).isEqualTo(Delivery.ACCEPTED);
      assertThat(untouched.heartbeat(heartbeat(other)).delivery()).isEqualTo(Delivery.ACCEPTED);
      assertThat(untouched).isSameAs(transport);
      assertThat(transport.heartbeats).hasValue(2);
      assertThat(watch.watched()).isEqualTo(watched.userId());
    }
  }

  private static HeartbeatRequest heartbeat(SimulatedUser user) {
    return new HeartbeatRequest(
        user.userId(), "t", "RUNNING", 0, user.symbols(), "2026-12-03T00:00:00Z", null, null);
  }

  private static final class Counting extends ForwardingTransport {
    final AtomicInteger heartbeats = new AtomicInteger();

    Counting() {
      super(new OfflineTransport());
    }

    @Override
    public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) {
      heartbeats.incrementAndGet();
      return inner.heartbeat(heartbeat);
    }
  }
}
