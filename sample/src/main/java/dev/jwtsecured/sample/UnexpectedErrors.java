package dev.jwtsecured.sample;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs an unexpected exception on the server and answers a bare 500, so that no exception text reaches a client.
 * JAX-RS exceptions keep their own responses.
 */
public final class UnexpectedErrors implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof WebApplicationException) {
      return ((WebApplicationException) e).getResponse();
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnsupportedCharsetException || cause instanceof IllegalCharsetNameException) {
        // A client's bogus charset (Content-Type: ...; charset=bogus): its mistake, not the server's.
        return Response.status(400)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity("{\"status_code\":400,\"detail\":\"Unsupported charset\"}")
            .build();
      }
    }
    LOG.log(Level.SEVERE, "unexpected error while handling a request", e);
    return Response.serverError()
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity("{\"status_code\":500,\"detail\":\"Internal Server Error\"}")
        .build();
  }
}
