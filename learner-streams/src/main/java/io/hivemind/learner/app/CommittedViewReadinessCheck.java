package io.hivemind.learner.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a partition's committed view is stuck: a transaction has held it open past the
 * broker's longest transaction timeout and the watchdog has not ended it (the coordinator still
 * lists it, or the abort failed). Every {@code read_committed} reader of that partition, the
 * learner's restore and the query's tables among them, waits meanwhile (issue 13, ADR 14). The
 * partitions are named in {@code state}.
 */
@Readiness
@ApplicationScoped
class CommittedViewReadinessCheck implements HealthCheck {

  private final TransactionWatch watch;

  CommittedViewReadinessCheck(TransactionWatch watch) {
    this.watch = watch;
  }

  @Override
  public HealthCheckResponse call() {
    List<String> stuck = watch.stuckPartitions();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("hivemind-committed-view")
            .status(stuck.isEmpty())
            .withData(
                "state",
                stuck.isEmpty()
                    ? "no partition stuck"
                    : "stuck behind an open transaction: " + String.join(", ", stuck));
    watch
        .lastSweep()
        .ifPresent(
            sweep ->
                response
                    .withData("last pass", sweep.at().toString())
                    .withData("bound", sweep.bound().toString())
                    .withData("aborted in last pass", sweep.aborted().size()));
    watch.lastFailure().ifPresent(failure -> response.withData("last pass failed", failure));
    return response.build();
  }
}
