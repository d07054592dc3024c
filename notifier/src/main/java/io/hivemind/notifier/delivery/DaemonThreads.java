package io.hivemind.notifier.delivery;

import java.util.concurrent.ThreadFactory;

/** The notifier's background threads: named, and never what keeps the JVM from exiting. */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
