package dev.jwtsecured.it.events;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.Transport;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-sent events behind the library, with the token in a cookie, as a browser's {@code EventSource} sends it (it
 * can set no header): a stream for customers, a public one and one for admins. {@code ServerSentEventsTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/", transport = Transport.COOKIE, cookieName = "events")
public final class EventsSecurity {
  /** How many streams the protected methods opened. */
  public static final AtomicInteger STREAMS = new AtomicInteger();

  private EventsSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** {@code GET /events}: three events for a customer; {@code /events/beat} for anyone; {@code /events/all}. */
  @Path("/events")
  @RolesAllowed("customer")
  public static final class Events {
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void orders(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security)
        throws IOException {
      STREAMS.incrementAndGet();
      String user = EventsSecurityJwt.user(security);
      try (SseEventSink events = sink) {
        for (int i = 1; i <= 3; i++) {
          events.send(sse.newEventBuilder().name("order").data("order " + i + " of " + user).build())
              .toCompletableFuture().join();
        }
      }
    }

    @GET
    @Path("beat")
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void beat(@Context SseEventSink sink, @Context Sse sse) throws IOException {
      try (SseEventSink events = sink) {
        events.send(sse.newEvent("beat")).toCompletableFuture().join();
      }
    }

    @GET
    @Path("all")
    @RolesAllowed("admin")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void all(@Context SseEventSink sink, @Context Sse sse) throws IOException {
      STREAMS.incrementAndGet();
      try (SseEventSink events = sink) {
        events.send(sse.newEvent("every order")).toCompletableFuture().join();
      }
    }
  }
}
