package io.hivemind.simulator.bot;

/**
 * What a heartbeat came back with.
 *
 * @param forceCloseCommandId the id of a force-close order to acknowledge, or null
 */
public record HeartbeatAnswer(Delivery delivery, String tradingState, String forceCloseCommandId) {

  public static HeartbeatAnswer of(Delivery delivery) {
    return new HeartbeatAnswer(delivery, null, null);
  }
}
