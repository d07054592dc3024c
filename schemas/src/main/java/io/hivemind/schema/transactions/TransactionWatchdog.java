package io.hivemind.schema.transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeProducersResult;
import org.apache.kafka.clients.admin.DescribeTransactionsResult;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.jboss.logging.Logger;

/**
 * Finds transactions that hang on the watched topics and aborts them (KIP-664's {@code
 * find-hanging} and {@code abort}, run by the service instead of an operator at 3 a.m.): a
 * transaction a partition holds open that nobody will end freezes every {@code read_committed}
 * reader of that partition (issue 13, ADR 14). The decision is {@link HangingTransactionRule}'s;
 * this class only asks the brokers and the coordinators, and writes the abort markers.
 *
 * <p>{@link #sweep} is one pass; the caller schedules it. A pass that cannot reach the cluster
 * throws; one partition that cannot be described is skipped for this pass.
 */
public final class TransactionWatchdog {

  private static final Logger LOG = Logger.getLogger(TransactionWatchdog.class);
  private static final String MAX_TIMEOUT = "transaction.max.timeout.ms";
  private static final long CALL_SECONDS = 30;

  private final Admin admin;
  private final WatchedTopics topics;
  private final Duration margin;
  private final Optional<Duration> maxTransactionTimeout;
  private final Clock clock;
  private final AtomicLong aborted = new AtomicLong();

  /**
   * @param maxTransactionTimeout the longest transaction timeout producers may ask for; empty to
   *     read the broker's {@code transaction.max.timeout.ms} at every pass
   */
  public TransactionWatchdog(
      Admin admin,
      WatchedTopics topics,
      Duration margin,
      Optional<Duration> maxTransactionTimeout,
      Clock clock) {
    this.admin = admin;
    this.topics = topics;
    this.margin = margin;
    this.maxTransactionTimeout = maxTransactionTimeout;
    this.clock = clock;
  }

  /** How many hanging transactions this watchdog has aborted since it was made. */
  public long abortedTotal() {
    return aborted.get();
  }

  /** One pass over every partition of the watched topics. */
  public Sweep sweep() throws InterruptedException, ExecutionException, TimeoutException {
    HangingTransactionRule rule = HangingTransactionRule.beyond(maxTimeout(), margin);
    List<OpenTransaction> open = openTransactions(watchedPartitions());
    Instant now = clock.instant();
    Map<Long, CoordinatorView> owners =
        owners(open.stream().map(OpenTransaction::producerId).collect(Collectors.toSet()));
    List<OpenTransaction> abortedNow = new ArrayList<>();
    List<OpenTransaction> stuck = new ArrayList<>();
    for (OpenTransaction transaction : open) {
      Optional<CoordinatorView> owner = Optional.ofNullable(owners.get(transaction.producerId()));
      switch (rule.judge(transaction, owner, now)) {
        case WITHIN_BOUND -> {}
        case COORDINATOR_COMPLETES_IT -> {
          stuck.add(transaction);
          LOG.warnf(
              "transaction stuck on %s: producer %d epoch %d open since offset %d, last write %s"
                  + " (over %s ago), but coordinator state %s still lists the partition; left to"
                  + " the coordinator",
              transaction.partitionName(),
              transaction.producerId(),
              transaction.producerEpoch(),
              transaction.startOffset(),
              transaction.lastWrite(),
              rule.bound(),
              owner.map(CoordinatorView::state).orElse("?"));
        }
        case HANGING -> {
          if (abort(transaction, owner, rule.bound())) {
            abortedNow.add(transaction);
          } else {
            stuck.add(transaction);
          }
        }
      }
    }
    return new Sweep(now, rule.bound(), abortedNow, stuck);
  }

  private boolean abort(
      OpenTransaction transaction, Optional<CoordinatorView> owner, Duration bound)
      throws InterruptedException {
    TopicPartition partition = new TopicPartition(transaction.topic(), transaction.partition());
    try {
      admin
          .abortTransaction(
              new AbortTransactionSpec(
                  partition,
                  transaction.producerId(),
                  transaction.producerEpoch(),
                  transaction.coordinatorEpoch()))
          .all()
          .get(CALL_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warnf(
          "hanging transaction on %s NOT aborted (will retry next pass): producer %d epoch %d open"
              + " since offset %d: %s",
          transaction.partitionName(),
          transaction.producerId(),
          transaction.producerEpoch(),
          transaction.startOffset(),
          e.getCause() == null ? e : e.getCause());
      return false;
    }
    aborted.incrementAndGet();
    LOG.warnf(
        "hanging transaction aborted on %s: producer %d epoch %d (%s) had held it open since offset"
            + " %d, last write %s, over %s ago; read_committed readers of the partition were stuck"
            + " behind it and now move on",
        transaction.partitionName(),
        transaction.producerId(),
        transaction.producerEpoch(),
        owner
            .map(
                o -> "transactional id " + o.transactionalId() + ", coordinator state " + o.state())
            .orElse("no coordinator knows the producer id"),
        transaction.startOffset(),
        transaction.lastWrite(),
        bound);
    return true;
  }

  private Duration maxTimeout() throws InterruptedException, ExecutionException, TimeoutException {
    if (maxTransactionTimeout.isPresent()) {
      return maxTransactionTimeout.get();
    }
    Collection<Node> nodes = admin.describeCluster().nodes().get(CALL_SECONDS, TimeUnit.SECONDS);
    Node node = nodes.iterator().next();
    ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node.idString());
    Config config =
        admin
            .describeConfigs(List.of(broker))
            .all()
            .get(CALL_SECONDS, TimeUnit.SECONDS)
            .get(broker);
    ConfigEntry entry = config.get(MAX_TIMEOUT);
    return Duration.ofMillis(Long.parseLong(entry.value()));
  }

  private List<TopicPartition> watchedPartitions()
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> names =
        admin.listTopics().names().get(CALL_SECONDS, TimeUnit.SECONDS).stream()
            .filter(topics::contains)
            .collect(Collectors.toSet());
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(names).allTopicNames().get(CALL_SECONDS, TimeUnit.SECONDS);
    List<TopicPartition> partitions = new ArrayList<>();
    descriptions.forEach(
        (name, description) ->
            description
                .partitions()
                .forEach(info -> partitions.add(new TopicPartition(name, info.partition()))));
    return partitions;
  }

  private List<OpenTransaction> openTransactions(List<TopicPartition> partitions)
      throws InterruptedException {
    if (partitions.isEmpty()) {
      return List.of();
    }
    DescribeProducersResult result = admin.describeProducers(partitions);
    List<OpenTransaction> open = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      List<ProducerState> producers;
      try {
        producers =
            result.partitionResult(partition).get(CALL_SECONDS, TimeUnit.SECONDS).activeProducers();
      } catch (ExecutionException | TimeoutException e) {
        LOG.debugf("producers of %s not described this pass: %s", partition, e);
        continue;
      }
      for (ProducerState producer : producers) {
        if (producer.currentTransactionStartOffset().isPresent()) {
          open.add(
              new OpenTransaction(
                  partition.topic(),
                  partition.partition(),
                  producer.producerId(),
                  (short) producer.producerEpoch(),
                  producer.coordinatorEpoch().orElse(0),
                  producer.currentTransactionStartOffset().getAsLong(),
                  Instant.ofEpochMilli(producer.lastTimestamp())));
        }
      }
    }
    return open;
  }

  /** The coordinators' view of each producer id's transactional id, for those they know. */
  private Map<Long, CoordinatorView> owners(Set<Long> producerIds)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (producerIds.isEmpty()) {
      return Map.of();
    }
    Collection<TransactionListing> listings =
        admin
            .listTransactions(new ListTransactionsOptions().filterProducerIds(producerIds))
            .all()
            .get(CALL_SECONDS, TimeUnit.SECONDS);
    Map<String, Long> producerIdOf = new HashMap<>();
    for (TransactionListing listing : listings) {
      if (producerIds.contains(listing.producerId())) {
        producerIdOf.put(listing.transactionalId(), listing.producerId());
      }
    }
    if (producerIdOf.isEmpty()) {
      return Map.of();
    }
    DescribeTransactionsResult described =
        admin.describeTransactions(new HashSet<>(producerIdOf.keySet()));
    Map<Long, CoordinatorView> owners = new HashMap<>();
    for (String transactionalId : producerIdOf.keySet()) {
      TransactionDescription description;
      try {
        description = described.description(transactionalId).get(CALL_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TransactionalIdNotFoundException) {
          // expired since it was listed: no coordinator will end anything of it
          continue;
        }
        // Any other failure ends the pass: a coordinator we could not ask is not one that lost
        // the transaction.
        throw e;
      }
      owners.put(
          producerIdOf.get(transactionalId),
          new CoordinatorView(
              transactionalId,
              description.producerId(),
              description.state().toString(),
              description.topicPartitions().stream()
                  .map(tp -> tp.topic() + "-" + tp.partition())
                  .collect(Collectors.toSet())));
    }
    return owners;
  }
}
