package io.hivemind.notifier.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail) on 127.0.0.1 for the notifier under test to send its email to. */
public final class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

  private static GreenMail server;

  static GreenMail server() {
    return server;
  }

  @Override
  public Map<String, String> start() {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for the SMTP server", e);
    }
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
