package io.hivemind.gateway.api;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Every log line written while it is open. The service under test logs through JBoss Logging, which
 * in a {@code @QuarkusTest} JVM writes to the Log4j 2 the test broker brings, loaded by the
 * application class loader, while the test sees another copy of Log4j in Quarkus' class loader: an
 * appender is added to every logger context of both copies (by reflection, as the copies share no
 * types but {@link OutputStream}), and a handler to java.util.logging for good measure.
 */
final class LogCapture implements AutoCloseable {

  private static final String NAME = "hivemind-log-capture";

  private final ByteArrayOutputStream log4jLines = new ByteArrayOutputStream();
  private final List<String> julLines = new CopyOnWriteArrayList<>();
  private final Handler julHandler = new JulHandler();
  private final List<Object[]> attached = new ArrayList<>();

  LogCapture() {
    java.util.logging.Logger.getLogger("").addHandler(julHandler);
    Set<ClassLoader> loaders = new LinkedHashSet<>();
    loaders.add(org.jboss.logging.Logger.class.getClassLoader());
    loaders.add(LogCapture.class.getClassLoader());
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (ClassLoader loader : loaders) {
      try {
        Class<?> logManager = Class.forName("org.apache.logging.log4j.LogManager", true, loader);
        if (seen.add(logManager)) {
          attach(loader, logManager);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot reach Log4j through " + loader, e);
      }
    }
    if (attached.isEmpty()) {
      throw new IllegalStateException("no Log4j logger context to capture");
    }
  }

  private void attach(ClassLoader loader, Class<?> logManager) throws ReflectiveOperationException {
    Object factory = logManager.getMethod("getFactory").invoke(null);
    Object selector = factory.getClass().getMethod("getSelector").invoke(factory);
    List<?> contexts =
        (List<?>) selector.getClass().getMethod("getLoggerContexts").invoke(selector);
    Class<?> appenders =
        Class.forName("org.apache.logging.log4j.core.appender.OutputStreamAppender", true, loader);
    Object builder = appenders.getMethod("newBuilder").invoke(null);
    builder.getClass().getMethod("setTarget", OutputStream.class).invoke(builder, log4jLines);
    builder.getClass().getMethod("setName", String.class).invoke(builder, NAME);
    Object appender = builder.getClass().getMethod("build").invoke(builder);
    appender.getClass().getMethod("start").invoke(appender);
    Class<?> appenderType = Class.forName("org.apache.logging.log4j.core.Appender", true, loader);
    Class<?> level = Class.forName("org.apache.logging.log4j.Level", true, loader);
    Class<?> filter = Class.forName("org.apache.logging.log4j.core.Filter", true, loader);
    for (Object context : contexts) {
      Object root = rootLogger(context);
      root.getClass()
          .getMethod("addAppender", appenderType, level, filter)
          .invoke(root, appender, level.getField("ALL").get(null), null);
      context.getClass().getMethod("updateLoggers").invoke(context);
      attached.add(new Object[] {context, appender});
    }
  }

  private static Object rootLogger(Object context) throws ReflectiveOperationException {
    Object configuration = context.getClass().getMethod("getConfiguration").invoke(context);
    return configuration.getClass().getMethod("getRootLogger").invoke(configuration);
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>(julLines);
    synchronized (log4jLines) {
      lines.addAll(List.of(log4jLines.toString(StandardCharsets.UTF_8).split("\n")));
    }
    return lines;
  }

  @Override
  public void close() {
    java.util.logging.Logger.getLogger("").removeHandler(julHandler);
    for (Object[] pair : attached) {
      try {
        Object root = rootLogger(pair[0]);
        root.getClass().getMethod("removeAppender", String.class).invoke(root, NAME);
        pair[0].getClass().getMethod("updateLoggers").invoke(pair[0]);
        pair[1].getClass().getMethod("stop").invoke(pair[1]);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("could not remove the capturing appender", e);
      }
    }
  }

  private final class JulHandler extends Handler {
    @Override
    public void publish(LogRecord record) {
      StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          text.append(' ').append(parameter);
        }
      }
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
        text.append(' ').append(t);
      }
      julLines.add(text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
