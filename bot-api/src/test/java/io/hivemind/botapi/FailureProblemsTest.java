package io.hivemind.botapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.RegistryUnavailableException;
import java.net.ConnectException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureProblemsTest {

  @Test
  void shouldCallAnUnreachableRegistryUnavailableWhateverWrapsIt() {
    Problem problem =
        FailureProblems.of(
            new RuntimeException(
                new RegistryUnavailableException(
                    "at http://registry", new RuntimeException(new ConnectException()))));

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.type()).isEqualTo(Problem.UNAVAILABLE);
    assertThat(problem.detail()).contains("schema registry");
  }

  @Test
  void shouldCallABrokerThatDidNotAnswerInTimeUnavailable() {
    Problem problem =
        FailureProblems.of(new TimeoutException("Topic not present in metadata after 5000 ms."));

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.detail()).contains("Kafka");
  }

  @Test
  void shouldCallABugA500WithAnErrorIdAndNothingOfItsMessage() {
    Problem problem = FailureProblems.of(new IllegalStateException("secret=hunter2"));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.detail()).contains("error id").doesNotContain("hunter2");
  }

  @Test
  void shouldNotCallBytesThatAreNotARecordATransportFault() {
    assertThat(FailureProblems.of(new IllegalStateException("Unknown magic byte!")).status())
        .isEqualTo(500);
  }
}
