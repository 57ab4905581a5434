package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.jwtsecured.it.routes.billing.BillingSecurityJwtFeature;
import dev.jwtsecured.it.routes.billing.Invoices;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    assumeFalse(TestServer.runtime().equals("resteasy"), "Payara and GlassFish serve JAX-RS with Jersey");
    List<LogRecord> records = logged(() -> TestServer.startAt("/api", List.of(RouteBoundSecurityTest.usersFeature(),
        RouteBoundSecurityTest.billingFeature()),
        TestServer.union(UsersSecurityJwtFeature.classes(), BillingSecurityJwtFeature.classes()), Users.class,
        Invoices.class, enforcement));
    List<LogRecord> reports = records.stream().filter(r -> String.valueOf(r.getMessage()).contains(fix)).toList();
    assertEquals(1, reports.size(), () -> messages(records));
    assertEquals(Level.SEVERE, reports.get(0).getLevel());
  }

  @Test
  void anApplicationWithoutItHearsNothingOfIt() {
    List<LogRecord> records = logged(() -> TestServer.startAt("/api", List.of(RouteBoundSecurityTest.usersFeature()),
        UsersSecurityJwtFeature.classes(), Users.class));
    assertTrue(records.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains("server's login")),
        () -> messages(records));
  }

  /** What the library logs while a server starts and stops. */
  private static List<LogRecord> logged(Supplier<TestServer> start) {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public synchronized void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("dev.jwtsecured");
    logger.addHandler(handler);
    try {
      start.get().close();
      return List.copyOf(records);
    } finally {
      logger.removeHandler(handler);
    }
  }

  private static String messages(List<LogRecord> records) {
    return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString();
  }
}
