package io.hivemind.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in front of a server, on a port of its own that stays the same, which a test
 * switches between forwarding, refusing connections (nothing listens on the port) and hanging
 * (connections accepted, bytes read and never answered: a stopped or wedged server). Every switch
 * cuts the connections already open, so clients that pool connections see the change at once. The
 * server behind it keeps running, and keeps its state: an in-memory schema registry loses no schema
 * ids while it is "down".
 */
public final class TcpProxy implements AutoCloseable {

  /** What the proxy does with connections. */
  public enum Mode {
    FORWARD,
    REFUSE,
    HANG
  }

  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private ServerSocket listener;
  private Thread acceptor;
  private volatile Mode mode;

  private TcpProxy(InetSocketAddress target, int port) {
    this.target = target;
    this.port = port;
  }

  /** A proxy to {@code host:port}, forwarding, on a free port of the loopback interface. */
  public static TcpProxy to(String host, int targetPort) {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, targetPort), port);
    proxy.switchTo(Mode.FORWARD);
    return proxy;
  }

  public int port() {
    return port;
  }

  public Mode mode() {
    return mode;
  }

  public void forward() {
    switchTo(Mode.FORWARD);
  }

  /** Connections to the port are refused: nothing listens on it. */
  public void refuse() {
    switchTo(Mode.REFUSE);
  }

  /** Connections are accepted and never answered. */
  public void hang() {
    switchTo(Mode.HANG);
  }

  public synchronized void switchTo(Mode next) {
    if (next == mode) {
      return;
    }
    mode = next; // connections accepted from here on are handled the new way
    cutOpenConnections();
    if (next == Mode.REFUSE) {
      closeListener();
    } else if (listener == null) {
      listen();
    }
  }

  @Override
  public synchronized void close() {
    closeListener();
    cutOpenConnections();
  }

  private void listen() {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      listener = socket;
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on port " + port + " again", e);
    }
    ServerSocket accepting = listener;
    acceptor = daemon(() -> accept(accepting), "tcp-proxy-" + port + "-accept");
  }

  private void accept(ServerSocket accepting) {
    while (!accepting.isClosed()) {
      Socket client;
      try {
        client = accepting.accept();
      } catch (IOException e) {
        return; // closed: refusing now, or the proxy is closed
      }
      if (accepting.isClosed()) {
        // accepted in the moment the listener was closing: refused like those after it
        closeQuietly(client);
        return;
      }
      open.add(client);
      Mode now = mode();
      if (now == Mode.FORWARD) {
        daemon(() -> forward(client), "tcp-proxy-" + port + "-connect");
      } else {
        daemon(() -> drain(client), "tcp-proxy-" + port + "-hang");
      }
    }
  }

  private void forward(Socket client) {
    Socket server = new Socket();
    try {
      server.connect(target, 5_000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    open.add(server);
    daemon(() -> pump(client, server), "tcp-proxy-" + port + "-up");
    daemon(() -> pump(server, client), "tcp-proxy-" + port + "-down");
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed or was cut
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Reads what the client sends and answers nothing, until the connection is cut. */
  private void drain(Socket client) {
    byte[] buffer = new byte[4096];
    try (InputStream in = client.getInputStream()) {
      while (in.read(buffer) >= 0) {
        // never answered
      }
    } catch (IOException e) {
      // cut
    } finally {
      closeQuietly(client);
    }
  }

  /**
   * Closes the listening socket and waits for the accepting thread to leave {@code accept}: until
   * it has, the kernel still holds the socket and completes new connections on the port.
   */
  private void closeListener() {
    if (listener != null) {
      closeQuietly(listener);
      listener = null;
      try {
        acceptor.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      acceptor = null;
    }
  }

  private void cutOpenConnections() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  private void closeQuietly(AutoCloseable closeable) {
    if (closeable instanceof Socket socket) {
      open.remove(socket);
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // closing anyway
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
