package dev.jwtsecured.bench;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A request context for measuring the generated filter without HTTP: method, path (with the request and base URIs of
 * an application at {@code /}), headers, properties, security context and the abort response, which is all the filter
 * and the locator guard read or write. Everything else is unsupported. One
 * instance is reused by a benchmark thread; {@link #reset()} clears what the filter wrote.
 */
final class BenchRequest implements ContainerRequestContext {
  private static final URI BASE = URI.create("http://localhost:8080/");
  private final String method;
  private final String path;
  /** Built once, as runtimes build a request's URI once (Jersey as the request arrives, RESTEasy when asked). */
  private final URI requestUri;
  private final List<PathSegment> segments = new ArrayList<>();
  private final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
  private final Map<String, Object> properties = new HashMap<>();
  private final UriInfo uriInfo = new Uri();
  private SecurityContext security;
  private Response aborted;

  BenchRequest(String method, String path, String authorization) {
    this.method = method;
    this.path = path;
    this.requestUri = BASE.resolve(path.substring(1));
    for (String s : path.substring(1).split("/", -1)) {
      segments.add(new Segment(s));
    }
    if (authorization != null) {
      headers.add("Authorization", authorization);
    }
  }

  void reset() {
    properties.clear();
    security = null;
    aborted = null;
  }

  Response aborted() {
    return aborted;
  }

  @Override
  public Object getProperty(String name) {
    return properties.get(name);
  }

  @Override
  public Collection<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public void setProperty(String name, Object object) {
    properties.put(name, object);
  }

  @Override
  public void removeProperty(String name) {
    properties.remove(name);
  }

  @Override
  public UriInfo getUriInfo() {
    return uriInfo;
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public MultivaluedMap<String, String> getHeaders() {
    return headers;
  }

  @Override
  public String getHeaderString(String name) {
    List<String> values = headers.get(name);
    return values == null ? null : String.join(",", values);
  }

  @Override
  public SecurityContext getSecurityContext() {
    return security;
  }

  @Override
  public void setSecurityContext(SecurityContext context) {
    this.security = context;
  }

  @Override
  public void abortWith(Response response) {
    this.aborted = response;
  }

  // ---- not used by the filter ----

  @Override
  public void setRequestUri(URI requestUri) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setRequestUri(URI baseUri, URI requestUri) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Request getRequest() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setMethod(String method) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean containsHeaderString(String name, String separator, Predicate<String> valuePredicate) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Date getDate() {
    return null;
  }

  @Override
  public Locale getLanguage() {
    return null;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public MediaType getMediaType() {
    return null;
  }

  @Override
  public List<MediaType> getAcceptableMediaTypes() {
    return List.of(MediaType.WILDCARD_TYPE);
  }

  @Override
  public List<Locale> getAcceptableLanguages() {
    return List.of();
  }

  @Override
  public Map<String, Cookie> getCookies() {
    return Map.of();
  }

  @Override
  public boolean hasEntity() {
    return false;
  }

  @Override
  public InputStream getEntityStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public void setEntityStream(InputStream input) {
    throw new UnsupportedOperationException();
  }

  private record Segment(String path) implements PathSegment {
    @Override
    public String getPath() {
      return path;
    }

    @Override
    public MultivaluedMap<String, String> getMatrixParameters() {
      return new MultivaluedHashMap<>();
    }
  }

  /**
   * Path segments, and the request URI, whose path authentication checks can be built: the generated filter reads no
   * path to decide (its rule is bound per resource method).
   */
  private final class Uri implements UriInfo {
    @Override
    public List<PathSegment> getPathSegments(boolean decode) {
      return segments;
    }

    @Override
    public List<PathSegment> getPathSegments() {
      return segments;
    }

    @Override
    public String getPath() {
      return getPath(true);
    }

    @Override
    public String getPath(boolean decode) {
      String relative = path.substring(1);
      return decode ? java.net.URLDecoder.decode(relative, java.nio.charset.StandardCharsets.UTF_8) : relative;
    }

    @Override
    public URI getRequestUri() {
      return requestUri;
    }

    @Override
    public UriBuilder getRequestUriBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public URI getAbsolutePath() {
      throw new UnsupportedOperationException();
    }

    @Override
    public UriBuilder getAbsolutePathBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public URI getBaseUri() {
      return BASE;
    }

    @Override
    public UriBuilder getBaseUriBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters() {
      throw new UnsupportedOperationException();
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters(boolean decode) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters() {
      throw new UnsupportedOperationException();
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> getMatchedURIs() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getMatchedResourceTemplate() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> getMatchedURIs(boolean decode) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Object> getMatchedResources() {
      throw new UnsupportedOperationException();
    }

    @Override
    public URI resolve(URI uri) {
      throw new UnsupportedOperationException();
    }

    @Override
    public URI relativize(URI uri) {
      throw new UnsupportedOperationException();
    }
  }
}
