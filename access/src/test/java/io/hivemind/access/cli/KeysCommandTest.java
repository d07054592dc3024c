package io.hivemind.access.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line, read without Kafka: nothing is attempted unless it is right. */
class KeysCommandTest {

  private static KeysCommand parse(String line) throws UsageException {
    return KeysCommand.parse(line.isEmpty() ? List.of() : List.of(line.split(" ")));
  }

  @Test
  void shouldReadCreateWithTheBotRoleByDefault() throws Exception {
    assertThat(parse("create --user a1b2c3d4e5f6 --tier pro"))
        .isEqualTo(new KeysCommand.Create("a1b2c3d4e5f6", Tier.PRO, Role.BOT, false, false));
    assertThat(parse("create --json --role admin --tier elite --user ops"))
        .isEqualTo(new KeysCommand.Create("ops", Tier.ELITE, Role.ADMIN, false, true));
  }

  @Test
  void shouldReadPrivateOnlyWhenGiven() throws Exception {
    assertThat(parse("create --user u1 --tier elite --private --json"))
        .isEqualTo(new KeysCommand.Create("u1", Tier.ELITE, Role.BOT, true, true));
    assertThat(parse("create --user u1 --tier elite"))
        .isEqualTo(new KeysCommand.Create("u1", Tier.ELITE, Role.BOT, false, false));
  }

  @Test
  void shouldReadRevokeByKeyIdOrByWholeKey() throws Exception {
    ApiKey key = ApiKey.generate(new SecureRandom());

    assertThat(parse("revoke " + key.keyId() + " --reason leaked"))
        .isEqualTo(new KeysCommand.Revoke(key.keyId(), "leaked"));
    assertThat(parse("revoke " + key.reveal()))
        .isEqualTo(new KeysCommand.Revoke(key.keyId(), null));
  }

  @Test
  void shouldReadList() throws Exception {
    assertThat(parse("list")).isEqualTo(new KeysCommand.ListKeys(Optional.empty(), false));
    assertThat(parse("list --user u1 --json"))
        .isEqualTo(new KeysCommand.ListKeys(Optional.of("u1"), true));
  }

  @Test
  void shouldNotEchoAMistypedSecret() {
    String mistyped = ApiKey.generate(new SecureRandom()).reveal() + "x";

    assertThatThrownBy(() -> parse("revoke " + mistyped))
        .isInstanceOf(UsageException.class)
        .hasMessageNotContaining(mistyped.substring(16));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "delete abcdefgh2345",
        "create",
        "create --user u1",
        "create --tier pro",
        "create --user u1 --tier gold",
        "create --user u1 --tier pro --role root",
        "create --user u1 --tier pro --role",
        "create --user u1 --tier pro --user u2",
        "create --user u1 --tier pro extra",
        "create --user bad/user --tier pro",
        "create --user u1 --tier pro --ttl 5",
        "revoke",
        "revoke not-a-key",
        "revoke abcdefgh2345 abcdefgh2346",
        "revoke abcdefgh2345 --json",
        "revoke abcdefgh2345 --private",
        "list --private",
        "list extra",
        "list --tier pro",
      })
  void shouldExitWith2AndSayWhyOnABadCommandLine(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        KeysMain.run(
            line.isEmpty() ? List.of() : List.of(line.split(" ")),
            // nothing listens here: a bad command line must fail before Kafka is asked
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("keys: ");
  }

  @Test
  void shouldPrintHelpOnStdoutAndSucceed() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status =
        KeysMain.run(
            List.of("help"),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("create --user U --tier");
  }

  @Test
  void shouldReadTheStackFromTheEnvironmentAsTheOtherToolsDo() {
    KeysEnvironment local =
        KeysEnvironment.from(
            Map.of(
                "KAFKA_PORT", "19092", "HIVEMIND_TOPIC_PREFIX", "t.", "HIVEMIND_OPERATOR", "al"));
    KeysEnvironment secured =
        KeysEnvironment.from(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "ns.servicebus.windows.net:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN"));

    assertThat(local.bootstrap()).isEqualTo("127.0.0.1:19092");
    assertThat(local.topics().apiKeys).isEqualTo("t.api-keys");
    assertThat(local.operator()).isEqualTo("al");
    assertThat(secured.connection())
        .containsEntry("bootstrap.servers", "ns.servicebus.windows.net:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
    assertThat(secured.topics().apiKeys).isEqualTo("hivemind.api-keys");
  }
}
