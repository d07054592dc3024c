package io.hivemind.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.schema.Signal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The registry, under the global BACKWARD rule the stack sets, accepts a compatible evolution of a
 * contract and refuses an incompatible one, through its Confluent-compatible API.
 */
class SchemaEvolutionTest {

  private final KafkaStack stack = KafkaStack.shared();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String subject = "evolution-" + UUID.randomUUID() + "-value";

  private HttpResponse<String> register(Schema schema) throws Exception {
    String body = json.writeValueAsString(Map.of("schema", schema.toString()));
    return http.send(
        HttpRequest.newBuilder(
                URI.create(stack.registryCcompatUrl() + "/subjects/" + subject + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The current Signal contract with one more field. */
  private static Schema signalPlus(Schema.Field extra) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : Signal.getClassSchema().getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    fields.add(extra);
    return Schema.createRecord("Signal", null, "io.hivemind.schema", false, fields);
  }

  @Test
  void shouldAcceptAFieldAddedWithADefault() throws Exception {
    assertThat(register(Signal.getClassSchema()).statusCode()).isEqualTo(200);

    HttpResponse<String> evolved =
        register(
            signalPlus(new Schema.Field("broker", Schema.create(Schema.Type.STRING), null, "")));

    assertThat(evolved.statusCode()).as(evolved.body()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAFieldAddedWithoutADefault() throws Exception {
    assertThat(register(Signal.getClassSchema()).statusCode()).isEqualTo(200);

    HttpResponse<String> evolved =
        register(signalPlus(new Schema.Field("broker", Schema.create(Schema.Type.STRING))));

    assertThat(evolved.statusCode()).as(evolved.body()).isEqualTo(409);
  }
}
