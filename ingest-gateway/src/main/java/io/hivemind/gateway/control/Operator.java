package io.hivemind.gateway.control;

import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Violation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who issued a command, for the audit log: the credential ({@code admin-token}) and, when the
 * operator names themselves in {@value #HEADER}, that name. API keys will replace the token.
 */
final class Operator {

  static final String HEADER = "X-Hivemind-Operator";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private Operator() {}

  static String actor(String declaredName) {
    if (declaredName == null || declaredName.isBlank()) {
      return "admin-token";
    }
    if (!NAME.matcher(declaredName).matches()) {
      throw new InvalidRequestException(
          List.of(new Violation(HEADER, "must be 1-64 letters, digits, '.', '_', '@' or '-'")));
    }
    return "admin-token:" + declaredName;
  }
}
