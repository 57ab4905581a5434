package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.jwtsecured.it.events.EventsSecurity;
import dev.jwtsecured.it.events.EventsSecurityJwtFeature;
import dev.jwtsecured.testing.Jwts;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A stream of server-sent events ({@code SseEventSink}) is an operation like any: its rule holds before the stream
 * opens, with the token in the cookie a browser's {@code EventSource} sends. A refused caller gets the library's JSON
 * 401 or 403, never an empty stream, whatever {@code Accept} says.
 */
class ServerSentEventsTest {
  private static final String SECRET = "server-sent-events-secret-0123456789abcd";
  private static final String ACCEPT = "Accept: text/event-stream";

  private static String cookie(String subject, String role, long lifetime) {
    long now = System.currentTimeMillis() / 1000;
    return "Cookie: events=" + Jwts.hs256("{\"sub\":\"" + subject + "\",\"iat\":" + (now - 10) + ",\"exp\":"
        + (now + lifetime) + ",\"roles\":[\"" + role + "\"]}", SECRET.getBytes(StandardCharsets.UTF_8));
  }

  /** The stream's text; RESTEasy opens it with an empty line, which readers of the stream skip. */
  private static String events(RawHttp.Response r) {
    return r.body.replace("\r\n", "\n").stripLeading();
  }

  @Test
  void aStreamOpensOnlyForTheCallersItsRuleAllows() {
    // CXF serves server-sent events with cxf-rt-rs-sse, which Maven Central has up to 4.1.5: not for CXF 4.2.
    assumeFalse(TestServer.runtime().equals("cxf"), "no server-sent events module for CXF 4.2");
    try (TestServer server = TestServer.start(new EventsSecurityJwtFeature(EventsSecurityJwtFeature.settings()
        .secret(SECRET).build()), EventsSecurityJwtFeature.classes(), EventsSecurity.Events.class)) {
      RawHttp http = server.http;
      int opened = EventsSecurity.STREAMS.get();
      RawHttp.Response orders = http.send("GET", "/events", ACCEPT, cookie("ada", "customer", 300));
      assertEquals(200, orders.status, orders.toString());
      assertTrue(orders.header("Content-Type").startsWith("text/event-stream"), orders.toString());
      assertEquals("event: order\ndata: order 1 of ada\n\nevent: order\ndata: order 2 of ada\n\n"
          + "event: order\ndata: order 3 of ada\n\n", events(orders), orders.toString());
      RawHttp.Response all = http.send("GET", "/events/all", ACCEPT, cookie("root", "admin", 300));
      assertEquals(200, all.status, all.toString());
      assertEquals("data: every order\n\n", events(all), all.toString());
      assertEquals(opened + 2, EventsSecurity.STREAMS.get());
      RawHttp.Response beat = http.send("GET", "/events/beat", ACCEPT);
      assertEquals(200, beat.status, beat.toString());
      assertEquals("data: beat\n\n", events(beat), beat.toString());
      // The refusals last: Jersey 3.1 ends a stream's request after its last byte, and a server stopped meanwhile
      // logs that.
      int streams = EventsSecurity.STREAMS.get();
      RawHttp.Response anonymous = http.send("GET", "/events", ACCEPT);
      assertEquals(401, anonymous.status, anonymous.toString());
      assertEquals("application/json", anonymous.header("Content-Type"), anonymous.toString());
      RawHttp.Response expired = http.send("GET", "/events", ACCEPT, cookie("ada", "customer", -5));
      assertEquals(401, expired.status, expired.toString());
      RawHttp.Response customerOnAll = http.send("GET", "/events/all", ACCEPT, cookie("ada", "customer", 300));
      assertEquals(403, customerOnAll.status, customerOnAll.toString());
      assertEquals("application/json", customerOnAll.header("Content-Type"), customerOnAll.toString());
      assertEquals(streams, EventsSecurity.STREAMS.get(), "a protected stream opened for a refused caller");
    }
  }
}
