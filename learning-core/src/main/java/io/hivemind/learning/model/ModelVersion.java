package io.hivemind.learning.model;

/**
 * Which model answered, and which state of it. The name says how the model learns (its algorithm,
 * inputs and settings), the version what it learned from: the number of experiences and a digest of
 * them in the order they were learned. Two models that learned the same experiences in the same
 * order with the same name answer alike, so an answer that names both can be reproduced.
 */
public record ModelVersion(String name, long experiences, String digest) {

  /**
   * {@code name@experiences.digest}, e.g. {@code challenger-lr/f1/5d2c09e1@10000.3fa2c1d09b7e4a11}.
   */
  public String label() {
    return name + "@" + experiences + "." + digest;
  }

  @Override
  public String toString() {
    return label();
  }
}
