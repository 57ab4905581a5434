package dev.jwtsecured.sample;

import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers 400 itself, in the library's shape ({@link SampleServer.JsonErrors}), for a request whose
 * {@code Content-Type} carries a {@code q} parameter that is no quality value ({@code q=2}, {@code q=abc},
 * {@code q=0.12345}). Jersey reads that parameter while it matches the resource method, before any filter runs, and
 * failed on such a value with a 500 on any route, logging a warning and an error with the stack trace for each
 * request. A media type Jersey cannot parse at all ({@code a}, {@code a/b;q=}) gets the same 400 here; Jersey
 * answered it 400 with an empty body.
 */
final class ContentTypes extends Handler.Wrapper {
  /** RFC 9110 section 12.4.2: {@code ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}. */
  private static final Pattern QVALUE = Pattern.compile("0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?");

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    for (String type : request.getHeaders().getValuesList(HttpHeader.CONTENT_TYPE)) {
      if (!readable(type)) {
        Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400);
        return true;
      }
    }
    return super.handle(request, response, callback);
  }

  /** Whether {@code type} is a media type, without a {@code q} parameter or with one holding a quality value. */
  static boolean readable(String type) {
    MediaType media;
    try {
      media = MediaType.valueOf(type);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String q = media.getParameters().get("q"); // the parameter names are case-insensitive
    return q == null || QVALUE.matcher(q).matches();
  }
}
