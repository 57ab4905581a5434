package dev.jwtsecured.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Two resources with the same body: one protected, one excluded from authentication. */
public final class BenchResources {
  /** 64 bytes of JSON. */
  static final String BODY = "{\"id\":42,\"name\":\"benchmark\",\"status\":\"ok\",\"padding\":\"xxxxxxxxxx\"}";

  private BenchResources() {}

  @Path("/secured")
  public static final class Secured {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
      return BODY;
    }
  }

  @Path("/open")
  public static final class Open {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
      return BODY;
    }
  }
}
