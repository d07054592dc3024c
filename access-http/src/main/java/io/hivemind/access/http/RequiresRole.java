package io.hivemind.access.http;

import io.hivemind.access.domain.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a key needs for a resource method, or for every method of a resource class (a method's
 * own annotation wins). Endpoints without it need {@link Role#BOT}, which every key has: the
 * default is never "no key" (only {@code hivemind.access.open-paths} is). Checked by {@link
 * RoleFilter} once the request is matched; a key whose role is too low gets 403.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {

  Role value();
}
