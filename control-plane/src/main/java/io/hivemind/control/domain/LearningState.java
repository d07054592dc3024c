package io.hivemind.control.domain;

/** Whether the learners consume their input topics. */
public enum LearningState {
  RUNNING,
  PAUSED
}
