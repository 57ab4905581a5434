package dev.jwtsecured.testing;

import java.net.URISyntaxException;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Grizzly's error pages as the README's "Tested runtimes" installs them: the library's JSON shape, no exception text, a
 * 400 for a request target that Jersey's Grizzly container cannot read as a URI (a malformed percent-escape, a
 * {@code <}, a {@code |}) or a {@code Host} header that is no authority ({@code x:|}, {@code x:80:80}). By default
 * Grizzly answers such a request with a 500 whose HTML page holds the exception and its stack trace, before any JAX-RS
 * code runs ({@code TransportAndBypassTest} and {@code MalformedHostTest} failed on Grizzly without this).
 */
final class GrizzlyErrorPages implements ErrorPageGenerator {
  private GrizzlyErrorPages() {}

  /** Installs the pages on {@code server}, not started yet: a generator set after {@code start()} is not used. */
  static void install(HttpServer server) {
    server.getServerConfiguration().setDefaultErrorPageGenerator(new GrizzlyErrorPages());
  }

  @Override
  public String generate(Request request, int status, String reasonPhrase, String description, Throwable failure) {
    // Jersey's container wraps the URISyntaxException of a request target it cannot read, and throws an
    // IllegalStateException for a Host header (or the authority of an absolute target) with a port it cannot read.
    boolean unreadableTarget = failure instanceof IllegalArgumentException
        && failure.getCause() instanceof URISyntaxException;
    boolean unreadableHost = failure != null && !HostHeaders.isAuthority(request.getHeader("Host"));
    int code = unreadableTarget || unreadableHost ? 400 : status;
    String detail = HttpStatus.getHttpStatus(code).getReasonPhrase();
    Response response = request.getResponse();
    response.setStatus(code, detail);
    response.setContentType("application/json");
    return "{\"status_code\":" + code + ",\"detail\":\"" + detail + "\"}";
  }
}
