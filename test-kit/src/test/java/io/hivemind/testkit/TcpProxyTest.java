package io.hivemind.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy in front of an echo server: forwards, refuses, hangs, and forwards again. */
@Timeout(30)
class TcpProxyTest {

  private ServerSocket echo;
  private TcpProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread server =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket client = echo.accept();
                  Thread pump = new Thread(() -> echoBack(client));
                  pump.setDaemon(true);
                  pump.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    server.setDaemon(true);
    server.start();
    proxy = TcpProxy.to("127.0.0.1", echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void shouldForwardRefuseHangAndForwardAgainOnTheSamePort() throws IOException {
    assertThat(roundTrip()).isEqualTo('x');

    proxy.refuse();
    assertThatThrownBy(this::roundTrip).isInstanceOf(ConnectException.class);

    proxy.hang();
    assertThatThrownBy(this::roundTrip).isInstanceOf(SocketTimeoutException.class);

    proxy.forward();
    assertThat(roundTrip()).isEqualTo('x');
  }

  @Test
  void shouldCutAConnectionOpenedBeforeTheSwitch() throws IOException {
    try (Socket pooled = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      pooled.setSoTimeout(2_000);
      pooled.getOutputStream().write('a');
      assertThat(pooled.getInputStream().read()).isEqualTo('a');

      proxy.refuse();

      OutputStream out = pooled.getOutputStream();
      InputStream in = pooled.getInputStream();
      int read;
      try {
        out.write('b');
        read = in.read();
      } catch (IOException cut) {
        read = -1;
      }
      assertThat(read).as("the pooled connection is cut").isEqualTo(-1);
    }
  }

  private int roundTrip() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      socket.setSoTimeout(500);
      socket.getOutputStream().write('x');
      return socket.getInputStream().read();
    }
  }

  private static void echoBack(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      for (int b = in.read(); b >= 0; b = in.read()) {
        out.write(b);
        out.flush();
      }
    } catch (IOException e) {
      // the test closed it
    }
  }
}
