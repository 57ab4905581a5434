package com.example.kiosk;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GET /api/till for customers (the typed user), /api/till/later likewise but non-blocking, /api/till/takings and the
 * non-blocking /api/till/later/takings for admins, /api/till/open, /api/till/opened and /api/till/shelves/count for
 * anyone.
 */
@Path("/till")
public class Till {
  @GET
  @RolesAllowed("customer")
  @Produces(MediaType.TEXT_PLAIN)
  public String receipt(@Context SecurityContext security) {
    return "receipt of " + KioskSecurityJwt.user(security).name();
  }

  @GET
  @Path("/takings")
  @RolesAllowed("admin")
  @Produces(MediaType.TEXT_PLAIN)
  public String takings() {
    return "takings";
  }

  /** Non-blocking (it returns a stage): Quarkus REST runs it, and its filters, on the event loop. */
  @GET
  @Path("/later")
  @RolesAllowed("customer")
  @Produces(MediaType.TEXT_PLAIN)
  public CompletionStage<String> later(@Context SecurityContext security) {
    return CompletableFuture.completedFuture("later for " + KioskSecurityJwt.user(security).name());
  }

  /** Non-blocking too, for admins: a customer's request is refused once the retriever answered. */
  @GET
  @Path("/later/takings")
  @RolesAllowed("admin")
  @Produces(MediaType.TEXT_PLAIN)
  public CompletionStage<String> laterTakings() {
    return CompletableFuture.completedFuture("takings, later");
  }

  @GET
  @Path("/open")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String open() {
    return "open";
  }

  /**
   * For anyone, beside the locator: JAX-RS matches this literal path before the locator's template, so the locator's
   * guard lets it pass without a token.
   */
  @GET
  @Path("/shelves/count")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String shelves() {
    return "2 shelves";
  }

  /**
   * For anyone, beside the locator, at a template with a character beyond ASCII: Quarkus REST takes {@code
   * caf%C3%A9} to the locator (other runtimes to this method), so the locator's guard asks a token there.
   */
  @GET
  @Path("/shelves/caf\u00e9")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String cafe() {
    return "cafe";
  }

  /**
   * For anyone, beside the locator, its parameter's value escaped or not ({@code caf%C3%A9}): every runtime, Quarkus
   * REST included, matches this template before the locator's, so the locator's guard lets it pass without a token. It
   * gives {@code text/plain} alone: a request accepting JSON alone is its all the same (406), never the locator's.
   */
  @GET
  @Path("/shelves/{name}/label")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String label(@PathParam("name") String name) {
    return "label " + name;
  }

  /** How often the locator ran. */
  private static final AtomicInteger OPENED = new AtomicInteger();

  @GET
  @Path("/opened")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String opened() {
    return "opened " + OPENED.get();
  }

  /** Behind a locator: every shelf needs a token, so the locator runs only for callers with one. */
  @Path("/shelves/{name}")
  public Shelf shelf(@PathParam("name") String name) {
    OPENED.incrementAndGet();
    return new Shelf(name);
  }

  /**
   * Behind a locator at a template written escaped: Quarkus REST normalizes the path before matching, as JAX-RS asks
   * (escaped letters and dots decoded, dot-segments resolved), so {@code %63af%C3%A9} and {@code x/%2e%2e/caf%C3%A9}
   * reach it too, where the locator ran without a token.
   */
  @Path("/escaped/caf%C3%A9")
  public Shelf escaped() {
    OPENED.incrementAndGet();
    return new Shelf("escaped");
  }

  /** A shelf: reading needs a token, emptying the admin role. */
  public static class Shelf {
    private final String name;

    Shelf(String name) {
      this.name = name;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String read() {
      return "shelf " + name;
    }

    @GET
    @Path("/empty")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String empty() {
      return "emptied " + name;
    }
  }
}
