package io.hivemind.access.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Principal;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyRecordJsonTest {

  private static final Instant CREATED = Instant.parse("2026-11-20T14:00:00.123Z");

  private final ApiKey key = ApiKey.generate(new SecureRandom());
  private final KeyRecord record =
      KeyRecord.issue(key, "a1b2c3d4e5f6", Tier.ELITE, Role.ANALYST, CREATED, "alice");

  private static String text(KeyRecord record) {
    return new String(KeyRecordJson.toJson(record), StandardCharsets.UTF_8);
  }

  @Test
  void shouldWriteSnakeCaseFieldsAndLowerCaseNames() {
    assertThat(text(record))
        .isEqualTo(
            "{\"key_id\":\""
                + key.keyId()
                + "\",\"secret_hash\":\""
                + key.secretHash()
                + "\",\"user_id\":\"a1b2c3d4e5f6\",\"tier\":\"elite\",\"role\":\"analyst\","
                + "\"created_at\":\"2026-11-20T14:00:00.123Z\",\"created_by\":\"alice\"}");
  }

  @Test
  void shouldWriteAndReadBackAPrivateUser() {
    KeyRecord privateRecord =
        KeyRecord.issue(key, "a1b2c3d4e5f6", Tier.ELITE, Role.BOT, CREATED, "alice", true);

    assertThat(text(privateRecord)).contains("\"private_user\":true");
    assertThat(KeyRecordJson.fromJson(KeyRecordJson.toJson(privateRecord)))
        .isEqualTo(privateRecord);
    assertThat(KeyRecordJson.fromJson(KeyRecordJson.toJson(privateRecord)).principal())
        .isEqualTo(new Principal("a1b2c3d4e5f6", Tier.ELITE, Role.BOT, key.keyId(), true));
    KeyRecord revoked = privateRecord.revoke(CREATED.plusSeconds(5), "bob", null);
    assertThat(revoked.privateUser()).isTrue();
  }

  @Test
  void shouldReadARecordWithoutPrivateUserAsNotPrivate() {
    // what every record written before the field existed looks like
    assertThat(text(record)).doesNotContain("private_user");
    KeyRecord read = KeyRecordJson.fromJson(KeyRecordJson.toJson(record));

    assertThat(read.privateUser()).isFalse();
    assertThat(read.principal().privateUser()).isFalse();
    String bad = text(record).replace("{", "{\"private_user\":\"yes\",");
    assertThatThrownBy(() -> KeyRecordJson.fromJson(bad.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("private_user must be true or false");
  }

  @Test
  void shouldNeverWriteTheSecret() {
    assertThat(text(record)).doesNotContain(key.reveal().substring(16));
  }

  @Test
  void shouldReadBackWhatItWrote() {
    KeyRecord revoked = record.revoke(CREATED.plusSeconds(5), "bob", "left the firm");

    assertThat(KeyRecordJson.fromJson(KeyRecordJson.toJson(record))).isEqualTo(record);
    assertThat(KeyRecordJson.fromJson(KeyRecordJson.toJson(revoked))).isEqualTo(revoked);
  }

  @Test
  void shouldIgnoreFieldsALaterVersionAdds() {
    String later = text(record).replace("{", "{\"scopes\":[\"stats\"],");

    assertThat(KeyRecordJson.fromJson(later.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
  }

  @Test
  void shouldRefuseWhatIsNotAKeyRecord() {
    assertThatThrownBy(() -> KeyRecordJson.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyRecordJson.fromJson("[1]".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("not a JSON object");
    String noUser = text(record).replace("\"user_id\":\"a1b2c3d4e5f6\",", "");
    assertThatThrownBy(() -> KeyRecordJson.fromJson(noUser.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("user_id is required");
    String badTier = text(record).replace("\"elite\"", "\"gold\"");
    assertThatThrownBy(() -> KeyRecordJson.fromJson(badTier.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
