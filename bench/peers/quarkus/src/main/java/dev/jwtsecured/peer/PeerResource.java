package dev.jwtsecured.peer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The routes every peer of bench/peers.sh serves: the sample's {@code GET /admin} and {@code GET /health}. */
@Path("/")
public class PeerResource {
  @Inject
  JsonWebToken jwt;

  @GET
  @Path("admin")
  @RolesAllowed("admin")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> admin() {
    return Map.of("admin", true, "username", jwt.getSubject());
  }

  @GET
  @Path("health")
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> health() {
    return Map.of("status", "ok");
  }
}
