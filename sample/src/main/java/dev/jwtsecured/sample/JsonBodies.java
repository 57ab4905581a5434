package dev.jwtsecured.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jwtsecured.sample.header.User;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the sample's JSON request bodies by hand, so that a bad body gets a short 400 in the seed framework's shape
 * instead of a parser's exception text.
 */
public final class JsonBodies {
  /**
   * Strict as the token endpoint: a duplicate member, trailing content, comments or nesting deeper than 32 levels
   * make the body invalid (plain Jackson lets the last duplicate win and ignores what follows the object).
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  /** A pragmatic address check: something@domain.tld, no spaces. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  private JsonBodies() {}

  /** {@code {"id": "<uuid>", "name": "...", "email": "..."}}: a name of at most 200 characters, an address of 254. */
  public static User user(String body) {
    JsonNode json = object(body);
    String id = text(json, "id");
    String name = text(json, "name");
    String email = text(json, "email");
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw badRequest("id must be a UUID");
    }
    if (!uuid.toString().equalsIgnoreCase(id)) {
      throw badRequest("id must be a UUID");
    }
    // The user is stored for as long as its token lasts: fields of any length would let anyone fill the memory.
    if (name.length() > 200) {
      throw badRequest("name must be at most 200 characters");
    }
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw badRequest("email must be an e-mail address");
    }
    return new User(uuid, name, email);
  }

  /** The body as a JSON object. */
  public static JsonNode object(String body) {
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : MAPPER.readTree(body);
    } catch (Exception e) {
      throw badRequest("the body must be a JSON object");
    }
    if (json == null || !json.isObject()) {
      throw badRequest("the body must be a JSON object");
    }
    return json;
  }

  /** A required, non-empty string member. */
  public static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw badRequest(field + " is required and must be a non-empty string");
    }
    return value.asText();
  }

  /** A 400 with {@code {"status_code":400,"detail":"..."}}. */
  public static BadRequestException badRequest(String detail) {
    String body = "{\"status_code\":400,\"detail\":\"" + detail + "\"}";
    return new BadRequestException(
        Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
  }
}
