package dev.jwtsecured.sample.oauth2;

import dev.jwtsecured.sample.SwaggerUi;
import jakarta.ws.rs.Path;

/** Swagger UI for this example, public through its {@code /schema(/.*)?} exclusion. */
@Path("/schema/swagger")
public final class OAuth2SwaggerUi extends SwaggerUi {}
