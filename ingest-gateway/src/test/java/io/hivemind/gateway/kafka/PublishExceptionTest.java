package io.hivemind.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kiota.ApiExceptionBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PublishExceptionTest {

  @Test
  void shouldCallARegistryThatAnswered503Retriable() {
    // what send() throws when the registry answers 503 to the serializer's schema lookup
    PublishException failure =
        PublishException.of(
            "hivemind.signals",
            new SerializationException(
                new RuntimeException(
                    new ApiExceptionBuilder()
                        .withMessage("no error class is registered for this code 503")
                        .withResponseStatusCode(503)
                        .build())));

    assertThat(failure.retriable()).isTrue();
  }

  @Test
  void shouldNotCallARecordTheSerializerRefusedRetriable() {
    PublishException failure =
        PublishException.of("hivemind.signals", new SerializationException("not a valid record"));

    assertThat(failure.retriable()).isFalse();
  }
}
