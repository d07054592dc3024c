package io.hivemind.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonReadErrorsTest {

  private final ObjectMapper json = new ObjectMapper();

  private Violation violationReading(String body, Class<?> type) {
    JsonProcessingException failure =
        catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, type));
    assertThat(failure).as("reading %s should fail", body).isNotNull();
    return JsonReadErrors.violationOf(failure);
  }

  @Test
  void shouldNameTheFieldHoldingNaN() {
    assertThat(
            violationReading("{\"signal_id\":\"s1\",\"price\":NaN}", SignalRequest.class).field())
        .isEqualTo("price");
  }

  @Test
  void shouldNameTheFieldHoldingNegativeInfinity() {
    assertThat(violationReading("{\"pnl\":-Infinity}", OutcomeRequest.class).field())
        .isEqualTo("pnl");
  }

  @Test
  void shouldNameTheFieldWithTheWrongType() {
    assertThat(violationReading("{\"price\":\"cheap\"}", SignalRequest.class))
        .isEqualTo(new Violation("price", "must be a number"));
  }

  @Test
  void shouldNameANestedFeatureWithTheWrongType() {
    assertThat(violationReading("{\"features\":{\"rsi\":[1]}}", SignalRequest.class).field())
        .isEqualTo("features.rsi");
  }

  @Test
  void shouldNameTheBatchItemHoldingNaN() {
    String body = "{\"signals\":[{\"price\":1.0},{\"price\":2.0},{\"price\":NaN}]}";
    assertThat(violationReading(body, EventBatch.class).field()).isEqualTo("signals[2].price");
  }

  @Test
  void shouldNameTheBatchItemWithTheWrongType() {
    String body = "{\"outcomes\":[{\"contracts\":1},{\"contracts\":\"many\"}]}";
    assertThat(violationReading(body, EventBatch.class))
        .isEqualTo(new Violation("outcomes[1].contracts", "must be an integer"));
  }

  @Test
  void shouldNameBodyForMalformedJson() {
    assertThat(violationReading("{\"signal_id\":\"s1\",,}", SignalRequest.class).field())
        .isEqualTo("body");
  }

  @Test
  void shouldNameBodyForTruncatedJson() {
    assertThat(violationReading("{\"signal_id\":", SignalRequest.class).field()).isEqualTo("body");
  }

  @Test
  void shouldNameBodyWhenTheBodyIsAnArray() {
    assertThat(violationReading("[1,2]", SignalRequest.class).field()).isEqualTo("body");
  }

  @Test
  void shouldNameTheFieldHoldingAnUnquotedWord() {
    assertThat(violationReading("{\"side\":LONG}", SignalRequest.class).field()).isEqualTo("side");
  }

  @Test
  void shouldNameBodyForAMissingComma() {
    assertThat(violationReading("{\"signal_id\":\"s1\" \"price\":1}", SignalRequest.class).field())
        .isEqualTo("body");
  }

  @Test
  void shouldNameBodyForPlainText() {
    assertThat(violationReading("hello", SignalRequest.class).field()).isEqualTo("body");
  }
}
