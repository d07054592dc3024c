package io.hivemind.gateway.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds on what the JSON parser reads from a hostile body, far above anything the contract needs,
 * so a crafted body fails fast with 400 instead of costing CPU or memory. The body size limit
 * ({@code hivemind.ingest.max-body-size}) bounds everything else.
 *
 * <ul>
 *   <li>Nesting: the deepest valid body (a batch item's features) is 4 levels deep.
 *   <li>One string, one number, one field name: the longest valid ones are 500 characters (a
 *       control command's reason); a 100,000-digit number is refused before it is converted.
 *   <li>A field given twice is refused: otherwise the last one would silently win, and a proxy that
 *       read the first could disagree with this service about who a request is for.
 *   <li>Anything after the JSON value is refused, instead of being silently ignored.
 *   <li>NaN and Infinity stay refused: they are not JSON (Jackson's default, pinned here).
 * </ul>
 */
@Singleton
class JsonHardening implements ObjectMapperCustomizer {

  static final int MAX_NESTING_DEPTH = 32;
  static final int MAX_STRING_LENGTH = 16 * 1024;
  static final int MAX_NUMBER_LENGTH = 64;
  static final int MAX_NAME_LENGTH = 1024;

  @Override
  public void customize(ObjectMapper mapper) {
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
