package dev.jwtsecured.testing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * The README's pre-matching filter for Jersey and RESTEasy ("Tested runtimes"): 400 in the library's shape for a
 * request whose {@code Content-Type} is no media type or carries a {@code q} parameter that is no quality value
 * ({@code q=2}, {@code q=abc}). Both runtimes read that parameter while they match the resource method, before any
 * filter that is not pre-matching, and answered 500 on any route: Jersey for a value beyond its grammar, logging the
 * stack trace; RESTEasy for one that is no number, the exception's message as the body ({@code HeaderFuzzTest}
 * failed on both without this; the sample's server answers these itself).
 */
@PreMatching
public final class ContentTypeQualities implements ContainerRequestFilter {
  /** RFC 9110 section 12.4.2. */
  private static final Pattern QVALUE = Pattern.compile("0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?");

  @Override
  public void filter(ContainerRequestContext request) {
    String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (type == null) {
      return;
    }
    String q;
    try {
      q = MediaType.valueOf(type).getParameters().get("q");
    } catch (IllegalArgumentException e) {
      q = "";
    }
    if (q != null && !QVALUE.matcher(q).matches()) {
      request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
          .entity("{\"status_code\":400,\"detail\":\"Bad Request\"}").build());
    }
  }
}
