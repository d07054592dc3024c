package io.hivemind.simulator.bot;

/** Where the events bots send are written down: {@code type} is signal, outcome or heartbeat. */
public interface EventLog {

  EventLog NONE = (type, body) -> {};

  String SIGNAL = "signal";
  String OUTCOME = "outcome";
  String HEARTBEAT = "heartbeat";

  void record(String type, Object body);
}
