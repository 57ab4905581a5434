package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwtsecured.it.routes.billing.BillingSecurityJwtFeature;
import dev.jwtsecured.it.routes.billing.Invoices;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.testing.LibraryLog;
import dev.jwtsecured.testing.TestServer;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Payara and GlassFish register their own {@code @RolesAllowed} enforcement in every JAX-RS application (unless it is
 * turned off); it asks the server's login, so on Payara Micro 7 and GlassFish 8 every method carrying JSR-250
 * annotations answered the server's 401 to a valid token (consumer/war, tried). The features say so in the log, once
 * for the application, with that server's fix; an application without such enforcement gets no such line. The classes
 * the servers register are stood in for by classes of the same names that bind nothing.
 */
class ServerEnforcementTest {
  @Test
  void payarasOwnEnforcementIsReportedOnceWithTheFix() {
    assertReportedOnce(fish.payara.microprofile.jwtauth.jaxrs.RolesAllowedDynamicFeature.class,
        "<jaxrs-roles-allowed-enabled>false</jaxrs-roles-allowed-enabled> in WEB-INF/payara-web.xml");
  }

  @Test
  void glassFishsOwnEnforcementIsReportedOnceWithTheFix() {
    assertReportedOnce(org.omnifaces.jwt.jaxrs.RolesAllowedDynamicFeature.class,
        "jersey.config.server.disableMetainfServicesLookup = true from Application.getProperties()");
  }

  /** With two configurations and the server's class {@code enforcement} registered, one ERROR naming {@code fix}. */
  private static void assertReportedOnce(Class<?> enforcement, String fix) {
    assumeTrue(TestServer.jersey(), "Payara and GlassFish serve JAX-RS with Jersey");
    try (LibraryLog log = new LibraryLog()) {
      TestServer.startAt("/api", List.of(RouteBoundSecurityTest.usersFeature(),
          RouteBoundSecurityTest.billingFeature()),
          TestServer.union(UsersSecurityJwtFeature.classes(), BillingSecurityJwtFeature.classes()), Users.class,
          Invoices.class, enforcement).close();
      List<LogRecord> reports = log.containing(fix);
      assertEquals(1, reports.size(), log::toString);
      assertEquals(Level.SEVERE, reports.get(0).getLevel());
    }
  }

  /**
   * Two configurations, two features: nothing either registers is a second instance of a class the other registered
   * (runtimes keep one; RESTEasy said "RESTEASY002160: Provider instance ... is already registered" for the guard
   * each feature registered, before one guard served both).
   */
  @Test
  void twoConfigurationsRegisterNothingTwice() {
    try (LibraryLog log = new LibraryLog("")) {
      TestServer.startAt("/api",
          List.of(RouteBoundSecurityTest.usersFeature(), RouteBoundSecurityTest.billingFeature()),
          TestServer.union(UsersSecurityJwtFeature.classes(), BillingSecurityJwtFeature.classes()), Users.class,
          Invoices.class).close();
      assertTrue(log.containing("already registered").isEmpty(), log::toString);
    }
  }

  @Test
  void anApplicationWithoutItHearsNothingOfIt() {
    try (LibraryLog log = new LibraryLog()) {
      TestServer.startAt("/api", List.of(RouteBoundSecurityTest.usersFeature()), UsersSecurityJwtFeature.classes(),
          Users.class).close();
      assertTrue(log.containing("server's login").isEmpty(), log::toString);
    }
  }
}
