package com.example.desk;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Answers 400 before JAX-RS for requests whose URI Helidon's JAX-RS service cannot build: a {@code Host} that is no URI
 * authority ({@code [v1.x]}) and a target in absolute form ({@code GET http://[::1]/api/tickets}), which Helidon takes
 * for a path. Helidon answered both 500, with the exception's message as the body, and logged a warning with the stack
 * trace for each, so any client could fill the log.
 */
@ApplicationScoped
public class ReadableRequests implements HttpService {
  @Override
  public void routing(HttpRules rules) {
    rules.any(this::check);
  }

  private void check(ServerRequest request, ServerResponse response) {
    if (request.prologue().uriPath().rawPath().startsWith("/") && isAuthority(request.authority())) {
      response.next();
    } else {
      response.status(Status.BAD_REQUEST_400)
          .header(HeaderNames.CONTENT_TYPE, "application/json")
          .send("{\"status_code\":400,\"detail\":\"Bad request\"}");
    }
  }

  private static boolean isAuthority(String authority) {
    try {
      return authority != null && new URI("http://" + authority + "/").getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
