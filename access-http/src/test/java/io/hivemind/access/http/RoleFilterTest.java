package io.hivemind.access.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.access.domain.Role;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Which role an endpoint needs: the method's annotation, else the class's, else bot. */
class RoleFilterTest {

  static class Unmarked {
    public void read() {}

    @RequiresRole(Role.ADMIN)
    public void command() {}
  }

  @RequiresRole(Role.ANALYST)
  static class ForAnalysts {
    public void replay() {}

    @RequiresRole(Role.ADMIN)
    public void purge() {}
  }

  @Test
  void shouldNeedBotWhereNothingIsMarked() throws NoSuchMethodException {
    assertThat(RoleFilter.required(method(Unmarked.class, "read"), Unmarked.class))
        .isEqualTo(Role.BOT);
  }

  @Test
  void shouldNeedTheMethodsRole() throws NoSuchMethodException {
    assertThat(RoleFilter.required(method(Unmarked.class, "command"), Unmarked.class))
        .isEqualTo(Role.ADMIN);
  }

  @Test
  void shouldNeedTheClasssRoleUnlessTheMethodNamesItsOwn() throws NoSuchMethodException {
    assertThat(RoleFilter.required(method(ForAnalysts.class, "replay"), ForAnalysts.class))
        .isEqualTo(Role.ANALYST);
    assertThat(RoleFilter.required(method(ForAnalysts.class, "purge"), ForAnalysts.class))
        .isEqualTo(Role.ADMIN);
  }

  private static Method method(Class<?> type, String name) throws NoSuchMethodException {
    return type.getMethod(name);
  }
}
