package io.hivemind.chaos.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The faults a drill injects, in the order of the default schedule: the broker pause comes right
 * before the learner's kill -9, the sequence issue 13 found learning stuck after (a transaction
 * left hanging by the pause).
 */
public enum Fault {
  PAUSE_BROKER("SIGSTOP a broker for 20 s, then SIGCONT"),
  KILL_LEARNER("kill -9 the learner, then ./hivemind start it"),
  KILL_QUERY("kill -9 the confidence query, then ./hivemind start it"),
  KILL_GATEWAY("kill -9 the ingest gateway, then ./hivemind start it"),
  KILL_BROKER("kill -9 a broker, then ./hivemind up"),
  STOP_REGISTRY("stop the schema registry for 30 s, then ./hivemind up"),
  SKEW_GATEWAY("restart the gateway with its clock 2 h ahead for 30 s, then as it was"),
  ROLL_QUERY(
      "a second query instance, then a rolling restart of both under 100 questions/s spread"
          + " over them");

  private final String description;

  Fault(String description) {
    this.description = description;
  }

  /** As the command line writes it: {@code kill-learner}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String description() {
    return description;
  }

  /** {@code all}, or ids separated by commas, in the order given. */
  public static List<Fault> parseList(String text) {
    if (text.trim().equals("all")) {
      return List.of(values());
    }
    List<Fault> faults = new ArrayList<>();
    for (String id : text.split(",")) {
      faults.add(parse(id.trim()));
    }
    if (faults.isEmpty()) {
      throw new IllegalArgumentException("no fault named");
    }
    return List.copyOf(faults);
  }

  static Fault parse(String id) {
    for (Fault fault : values()) {
      if (fault.id().equals(id)) {
        return fault;
      }
    }
    throw new IllegalArgumentException("unknown fault '" + id + "': one of " + ids());
  }

  public static String ids() {
    List<String> ids = new ArrayList<>();
    for (Fault fault : values()) {
      ids.add(fault.id());
    }
    return String.join(", ", ids);
  }
}
