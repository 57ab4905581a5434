package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.JwtAuth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document a generated resource serves, placed where requests reach the application. The processor writes
 * the paths and the token endpoint's URLs under the application path it knows ({@code /api}); a servlet container may
 * serve the application below a context path too (a war's name, {@code /shop}), which only a request tells. Where the
 * request's base path is the application path, the document is served exactly as compiled. Elsewhere it gains a
 * {@code servers} entry for the prefix ({@code /shop}) and its absolute-path {@code tokenUrl}, {@code refreshUrl} and
 * {@code authorizationUrl} get the prefix too, so that clients such as Swagger UI reach the operations and the token
 * endpoint; a runtime that serves the application without its application path gets paths without it.
 *
 * <p>Thread-safe. The last placement is kept: an application has one base path, and a client choosing odd spellings of
 * it only costs a parse.
 */
public final class OpenApiDocument {
  private static final List<String> URL_MEMBERS = List.of("tokenUrl", "refreshUrl", "authorizationUrl");

  private final String document;
  private final String applicationPath;
  private volatile Placed last;

  private record Placed(String basePath, String document) {}

  /**
   * @param document the compiled document, compact JSON
   * @param applicationPath the application path its paths start with, without a trailing {@code /}; empty for none
   */
  public OpenApiDocument(String document, String applicationPath) {
    this.document = document;
    this.applicationPath = applicationPath.replaceAll("/+$", "");
  }

  /**
   * The document for a request with this URI information.
   *
   * @throws BadRequestException (400, the library's JSON) where the runtime cannot build the request's base URI
   *     ({@link RequestUris})
   */
  public String at(UriInfo uri) {
    String basePath = RequestUris.rawBasePath(uri);
    if (basePath == null) {
      throw new BadRequestException(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
          .entity("{\"status_code\":400,\"detail\":\"Invalid request\"}")
          .header(JwtAuth.NOSNIFF_HEADER, "nosniff").build());
    }
    return at(basePath);
  }

  /** The document for requests whose base URI has the raw path {@code basePath}. */
  public String at(String basePath) {
    String base = basePath == null ? "" : basePath.replaceAll("/+$", "");
    if (base.equals(applicationPath)) {
      return document;
    }
    Placed placed = last;
    if (placed == null || !placed.basePath().equals(base)) {
      placed = new Placed(base, place(base));
      last = placed;
    }
    return placed.document();
  }

  private String place(String base) {
    boolean underApplicationPath = base.endsWith(applicationPath);
    String server = underApplicationPath ? base.substring(0, base.length() - applicationPath.length()) : base;
    // Without the application path in the base URI, the operations are at the base itself.
    String strip = underApplicationPath ? "" : applicationPath;
    Map<String, Object> placed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> member : Json.parseObject(document).entrySet()) {
      switch (member.getKey()) {
        case "paths" -> placed.put("paths", paths(object(member.getValue()), strip));
        case "components" -> placed.put("components", components(object(member.getValue()), server, strip));
        default -> placed.put(member.getKey(), member.getValue());
      }
      if (member.getKey().equals("info") && !server.isEmpty()) {
        placed.put("servers", List.of(Map.of("url", server)));
      }
    }
    return Json.write(placed);
  }

  private static Map<String, Object> paths(Map<String, Object> paths, String strip) {
    Map<String, Object> placed = new LinkedHashMap<>();
    paths.forEach((path, item) -> placed.put(unprefixed(path, strip), item));
    return placed;
  }

  /** {@code components} with the security schemes' flow URLs placed; everything else as it was. */
  private static Map<String, Object> components(Map<String, Object> components, String server, String strip) {
    Map<String, Object> placed = new LinkedHashMap<>(components);
    Map<String, Object> schemes = new LinkedHashMap<>(object(components.get("securitySchemes")));
    schemes.replaceAll((name, scheme) -> {
      Map<String, Object> s = new LinkedHashMap<>(object(scheme));
      Map<String, Object> flows = new LinkedHashMap<>(object(s.get("flows")));
      flows.replaceAll((type, flow) -> {
        Map<String, Object> f = new LinkedHashMap<>(object(flow));
        for (String url : URL_MEMBERS) {
          // URLs, escaped where the application path has what no URL holds (/caf%C3%A9/token).
          if (f.get(url) instanceof String u && u.startsWith("/")) {
            f.put(url, server + unprefixed(u, Templates.escapedPath(strip)));
          }
        }
        return f;
      });
      if (!flows.isEmpty()) {
        s.put("flows", flows);
      }
      return s;
    });
    if (!schemes.isEmpty()) {
      placed.put("securitySchemes", schemes);
    }
    return placed;
  }

  private static String unprefixed(String path, String prefix) {
    if (prefix.isEmpty() || !path.startsWith(prefix)) {
      return path;
    }
    String rest = path.substring(prefix.length());
    return rest.isEmpty() ? "/" : rest.startsWith("/") ? rest : path;
  }

  @SuppressWarnings("unchecked") // Json builds objects as Map<String, Object>
  private static Map<String, Object> object(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
