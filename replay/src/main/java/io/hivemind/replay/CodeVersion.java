package io.hivemind.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code a report was made by, for its run card: the build's version and, when {@code ./hivemind}
 * runs it from a checkout, the commit ({@code HIVEMIND_CODE_VERSION}).
 */
public final class CodeVersion {

  private CodeVersion() {}

  public static String current() {
    Properties build = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream("/hivemind-replay.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource in our own jar: the version says "unknown"
    }
    String version = build.getProperty("version", "unknown");
    String commit = System.getenv("HIVEMIND_CODE_VERSION");
    return commit == null || commit.isBlank() ? version : version + " (" + commit + ")";
  }
}
