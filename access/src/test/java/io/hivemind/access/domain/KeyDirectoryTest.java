package io.hivemind.access.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDirectoryTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant CREATED = Instant.parse("2026-11-20T14:00:00Z");

  private final ApiKey key = ApiKey.generate(RANDOM);
  private final KeyRecord record =
      KeyRecord.issue(key, "a1b2c3d4e5f6", Tier.PRO, Role.BOT, CREATED, "alice");

  @Test
  void shouldAuthenticateAKnownKeyAsItsUser() {
    KeyDirectory directory = KeyDirectory.of(List.of(record));

    assertThat(directory.authenticate(key.reveal()))
        .contains(new Principal("a1b2c3d4e5f6", Tier.PRO, Role.BOT, key.keyId()));
  }

  @Test
  void shouldRefuseAKeyWhoseSecretIsNotTheStoredOne() {
    KeyDirectory directory = KeyDirectory.of(List.of(record));
    String forged = key.reveal().substring(0, 16) + ApiKey.generate(RANDOM).reveal().substring(16);

    assertThat(ApiKey.parse(forged)).isPresent();
    assertThat(directory.authenticate(forged)).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownKey() {
    KeyDirectory directory = KeyDirectory.of(List.of(record));

    assertThat(directory.authenticate(ApiKey.generate(RANDOM).reveal())).isEmpty();
    assertThat(new KeyDirectory().authenticate(key.reveal())).isEmpty();
  }

  @Test
  void shouldRefuseMalformedKeys() {
    KeyDirectory directory = KeyDirectory.of(List.of(record));

    assertThat(directory.authenticate(null)).isEmpty();
    assertThat(directory.authenticate("")).isEmpty();
    assertThat(directory.authenticate(key.keyId())).isEmpty();
    assertThat(directory.authenticate("Bearer " + key.reveal())).isEmpty();
    assertThat(directory.authenticate(key.reveal() + "x")).isEmpty();
  }

  @Test
  void shouldNeverAuthenticateARevokedKey() {
    KeyDirectory directory = KeyDirectory.of(List.of(record));

    directory.put(record.revoke(CREATED.plusSeconds(60), "bob", "leaked"));

    assertThat(directory.authenticate(key.reveal())).isEmpty();
    assertThat(directory.find(key.keyId()))
        .hasValueSatisfying(r -> assertThat(r.isRevoked()).isTrue());
  }

  @Test
  void shouldForgetAKeyRemovedFromTheTopic() {
    KeyDirectory directory = KeyDirectory.of(List.of(record));

    directory.remove(key.keyId());

    assertThat(directory.authenticate(key.reveal())).isEmpty();
    assertThat(directory.size()).isZero();
  }

  @Test
  void shouldListRecordsOldestFirst() {
    KeyRecord later =
        KeyRecord.issue(
            ApiKey.generate(RANDOM), "u2", Tier.ELITE, Role.ADMIN, CREATED.plusSeconds(1), "a");
    KeyDirectory directory = KeyDirectory.of(List.of(later, record));

    assertThat(directory.records()).containsExactly(record, later);
  }

  @Test
  void shouldKeepTheHashOutOfARecordsToString() {
    KeyRecord revoked = record.revoke(CREATED.plusSeconds(60), "bob", "leaked");

    assertThat(record.toString()).contains(key.keyId()).doesNotContain(record.secretHash());
    assertThat(revoked.toString()).contains("leaked").doesNotContain(record.secretHash());
  }

  @Test
  void shouldRefuseARecordThatCouldNotBeAKey() {
    assertThatThrownBy(
            () -> KeyRecord.issue(key, "user with spaces", Tier.PRO, Role.BOT, CREATED, "alice"))
        .hasMessageContaining("user_id");
    assertThatThrownBy(
            () ->
                new KeyRecord(
                    key.keyId(), "abc", "u", Tier.PRO, Role.BOT, CREATED, "a", null, null, null))
        .hasMessageContaining("secret_hash");
    assertThatThrownBy(
            () ->
                new KeyRecord(
                    key.keyId(),
                    key.secretHash(),
                    "u",
                    Tier.PRO,
                    Role.BOT,
                    CREATED,
                    "a",
                    null,
                    "bob",
                    null))
        .hasMessageContaining("revoked_at");
  }

  @Test
  void shouldOrderRolesSoThatAdminCoversEverything() {
    assertThat(Role.ADMIN.covers(Role.ANALYST)).isTrue();
    assertThat(Role.ADMIN.covers(Role.BOT)).isTrue();
    assertThat(Role.ANALYST.covers(Role.BOT)).isTrue();
    assertThat(Role.ANALYST.covers(Role.ADMIN)).isFalse();
    assertThat(Role.BOT.covers(Role.ANALYST)).isFalse();
  }

  @Test
  void shouldWriteRolesAndTiersInLowerCase() {
    assertThat(Role.fromWire("analyst")).isEqualTo(Role.ANALYST);
    assertThat(Tier.fromWire("elite")).isEqualTo(Tier.ELITE);
    assertThat(Tier.PRO.wire()).isEqualTo("pro");
    assertThatThrownBy(() -> Tier.fromWire("PRO")).hasMessage("must be one of basic, pro, elite");
    assertThatThrownBy(() -> Role.fromWire("root"))
        .hasMessage("must be one of bot, analyst, admin");
  }
}
