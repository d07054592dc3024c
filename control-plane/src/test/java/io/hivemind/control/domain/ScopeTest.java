package io.hivemind.control.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

  @ParameterizedTest
  @ValueSource(strings = {"global", "tier:pro", "user:abc", "symbol:ES", "user:a1.b_c-d:e"})
  void shouldFormatWhatItParsed(String text) {
    assertThat(Scope.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void shouldParseEachKind() {
    assertThat(Scope.parse("global")).isEqualTo(Scope.GLOBAL);
    assertThat(Scope.parse("tier:pro")).isEqualTo(Scope.tier("pro"));
    assertThat(Scope.parse("user:abc")).isEqualTo(Scope.user("abc"));
    assertThat(Scope.parse("symbol:ES")).isEqualTo(new Scope(Scope.Kind.SYMBOL, "ES"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void shouldRejectABlankScopeNamingTheAcceptedForms(String text) {
    assertThatThrownBy(() -> Scope.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("global, tier:T, user:U or symbol:S");
  }

  @ParameterizedTest
  @ValueSource(strings = {"planet:x", "GLOBAL", "global:x", "users:abc", "abc"})
  void shouldRejectAnUnknownKindQuotingIt(String text) {
    assertThatThrownBy(() -> Scope.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("global, tier:T, user:U or symbol:S");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tier:", "user:", "symbol:"})
  void shouldRejectAMissingName(String text) {
    assertThatThrownBy(() -> Scope.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a name of 1-128");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user:a b", "tier:pro ", "user:müller", "symbol:日経", "user:a/b"})
  void shouldRejectANameWithCharactersOutsideTheAllowedSet(String text) {
    assertThatThrownBy(() -> Scope.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scope needs a name of 1-128 letters, digits");
  }

  @Test
  void shouldRejectANameLongerThan128Characters() {
    assertThat(Scope.user("a".repeat(128)).name()).hasSize(128);
    assertThatThrownBy(() -> Scope.user("a".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user scope");
  }

  @Test
  void shouldRejectAGlobalScopeWithAName() {
    assertThatThrownBy(() -> new Scope(Scope.Kind.GLOBAL, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
