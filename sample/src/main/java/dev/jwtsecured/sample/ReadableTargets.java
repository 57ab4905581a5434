package dev.jwtsecured.sample;

import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.glassfish.jersey.server.internal.ContainerUtils;

/**
 * Answers 400 itself, in the library's shape ({@link SampleServer.JsonErrors}), for a request target that Jetty's
 * parser passes but Jersey's Jetty container cannot read as a URI: a query holding a character {@link URI} refuses
 * ({@code <}, {@code "}, a malformed escape) or a path parameter holding one ({@code /a;b^c}). The container answers
 * such a request 400 too, but hands Jetty the exception, which Jetty logs as a warning with its stack trace: some 33
 * lines of log per request, for any client, without a bound (300 such requests wrote 9,882 lines).
 *
 * <p>The URI is built as the container builds it, from the raw path and the query with the characters Jersey escapes
 * itself ({@code { } \ ^ | `}), so that a target passes here exactly when it passes there.
 */
final class ReadableTargets extends Handler.Wrapper {
  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!readable(request.getHttpURI())) {
      Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400);
      return true;
    }
    return super.handle(request, response, callback);
  }

  static boolean readable(HttpURI target) {
    String query = target.getQuery();
    try {
      new URI("http://localhost" + target.getPath()
          + (query == null ? "" : "?" + ContainerUtils.encodeUnsafeCharacters(query)));
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
