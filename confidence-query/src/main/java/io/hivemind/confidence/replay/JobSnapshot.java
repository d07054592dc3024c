package io.hivemind.confidence.replay;

import io.hivemind.replay.ReplayProgress;

/** A job as it is now: its record and, while it runs, how far it is (else null). */
public record JobSnapshot(JobRecord record, ReplayProgress progress) {}
