package dev.jwtsecured.it.routes;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The application of the route-shaped behaviour tests, in the parent package of its two configurations
 * ({@code users} and {@code billing}), as most applications lay it out. Everything is served under {@code /api}.
 */
@ApplicationPath("/api")
public final class RoutesApplication extends Application {}
