package io.hivemind.confidence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.schema.RegistryUnavailableException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

class QueryResolverTest {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final AtomicInteger localReads = new AtomicInteger();
  private final IntFunction<String> readLocally =
      partition -> {
        localReads.incrementAndGet();
        return "answer from partition " + partition;
      };
  private final IntFunction<String> readStale = partition -> "copy of partition " + partition;

  @Test
  void shouldAnswerLocallyFromTheOwnedPartition() {
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.ThisInstance(2), false, RETRY_AFTER, readLocally, readStale);

    assertThat(result).isEqualTo(new QueryResult.Local<>("answer from partition 2"));
  }

  @Test
  void shouldAnswerLocallyAForwardedRequestItOwns() {
    QueryResult<String> result =
        QueryResolver.resolve(new Owner.ThisInstance(0), true, RETRY_AFTER, readLocally, readStale);

    assertThat(result).isEqualTo(new QueryResult.Local<>("answer from partition 0"));
  }

  @Test
  void shouldBeUnavailableWhenTheRegistryCannotBeReachedForTheStoresSerdes() {
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.ThisInstance(1),
            false,
            RETRY_AFTER,
            partition -> {
              throw new RegistryUnavailableException(
                  "at http://registry", new RuntimeException(new ConnectException()));
            },
            readStale);

    assertThat(result).isInstanceOf(QueryResult.Unavailable.class);
    assertThat(((QueryResult.Unavailable<String>) result).retryAfter()).isEqualTo(RETRY_AFTER);
    assertThat(((QueryResult.Unavailable<String>) result).reason()).contains("schema registry");
  }

  @Test
  void shouldNotHideAFailureThatIsNotTheRegistrys() {
    IntFunction<String> broken =
        partition -> {
          throw new IllegalStateException("a bug");
        };

    assertThatThrownBy(
            () ->
                QueryResolver.resolve(
                    new Owner.ThisInstance(1), false, RETRY_AFTER, broken, broken))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldSendTheQuestionToTheOwner() {
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.OtherInstance("127.0.0.1", 8083), false, RETRY_AFTER, readLocally, readStale);

    assertThat(result).isEqualTo(new QueryResult.Remote<>("127.0.0.1", 8083));
    assertThat(localReads).hasValue(0);
  }

  @Test
  void shouldNeverForwardARequestTwice() {
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.OtherInstance("127.0.0.1", 8083), true, RETRY_AFTER, readLocally, readStale);

    assertThat(result).isInstanceOf(QueryResult.Unavailable.class);
    assertThat(((QueryResult.Unavailable<String>) result).retryAfter()).isEqualTo(RETRY_AFTER);
  }

  @Test
  void shouldBeUnavailableWhenNobodyOwnsTheUser() {
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.Unknown("Kafka Streams is REBALANCING"),
            false,
            RETRY_AFTER,
            readLocally,
            readStale);

    assertThat(result)
        .isEqualTo(new QueryResult.Unavailable<>(RETRY_AFTER, "Kafka Streams is REBALANCING"));
    assertThat(localReads).hasValue(0);
  }

  @Test
  void shouldBeUnavailableOnceWhenTheStoreClosesUnderTheRead() {
    AtomicInteger attempts = new AtomicInteger();
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.ThisInstance(1),
            false,
            RETRY_AFTER,
            partition -> {
              attempts.incrementAndGet();
              throw new InvalidStateStoreException("store is migrating");
            },
            readStale);

    assertThat(result).isInstanceOf(QueryResult.Unavailable.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void shouldAnswerFromACopyMarkedWithItsLag() {
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.StaleCopy(3, 12), false, RETRY_AFTER, readLocally, readStale);

    assertThat(result).isEqualTo(new QueryResult.Stale<>("copy of partition 3", 12));
    assertThat(localReads).hasValue(0);
  }

  @Test
  void shouldAnswerAForwardedRequestFromItsCopyWhenItIsNotTheOwner() {
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.OtherInstance("127.0.0.1", 8083, Optional.of(new Owner.StaleCopy(1, 0))),
            true,
            RETRY_AFTER,
            readLocally,
            readStale);

    assertThat(result).isEqualTo(new QueryResult.Stale<>("copy of partition 1", 0));
  }

  @Test
  void shouldKeepItsCopyForWhenTheOwnerDoesNotAnswer() {
    QueryResult<String> result =
        QueryResolver.resolve(
            new Owner.OtherInstance("127.0.0.1", 8083, Optional.of(new Owner.StaleCopy(4, 7))),
            false,
            RETRY_AFTER,
            readLocally,
            readStale);

    QueryResult.Remote<String> remote = (QueryResult.Remote<String>) result;
    assertThat(remote.host()).isEqualTo("127.0.0.1");
    assertThat(remote.port()).isEqualTo(8083);
    assertThat(remote.fallback()).isPresent();
    assertThat(remote.fallback().get().get())
        .isEqualTo(new QueryResult.Stale<>("copy of partition 4", 7));
  }
}
