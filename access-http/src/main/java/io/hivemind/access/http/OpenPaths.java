package io.hivemind.access.http;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The REST endpoints a service serves without a key ({@code hivemind.access.open-paths}): exact
 * method and path pairs, so opening {@code GET /api/bench/noop} opens nothing else, not even {@code
 * POST} to the same path. Pure.
 */
final class OpenPaths {

  private static final Pattern ENTRY = Pattern.compile("([A-Z]+)\\s+(/\\S*)");

  private final Set<String> open;

  private OpenPaths(Set<String> open) {
    this.open = Set.copyOf(open);
  }

  /**
   * @param entries each {@code METHOD /path}
   * @throws IllegalArgumentException naming the first entry of another shape
   */
  static OpenPaths parse(List<String> entries) {
    Set<String> open = new HashSet<>();
    for (String entry : entries) {
      var match = ENTRY.matcher(entry.trim());
      if (!match.matches()) {
        throw new IllegalArgumentException(
            "hivemind.access.open-paths: '"
                + entry
                + "' is not METHOD /path (e.g. GET /api/bench/noop)");
      }
      open.add(key(match.group(1), match.group(2)));
    }
    return new OpenPaths(open);
  }

  boolean isOpen(String method, String path) {
    return !open.isEmpty() && open.contains(key(method, path));
  }

  private static String key(String method, String path) {
    return method + " " + path;
  }
}
