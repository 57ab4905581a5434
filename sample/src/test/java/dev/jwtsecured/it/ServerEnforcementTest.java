package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.jwtsecured.it.routes.billing.BillingSecurityJwtFeature;
import dev.jwtsecured.it.routes.billing.Invoices;
import dev.jwtsecured.it.routes.users.Users;
import dev.jwtsecured.it.routes.users.UsersSecurityJwtFeature;
import dev.jwtsecured.testing.TestServer;
import fish.payara.microprofile.jwtauth.jaxrs.RolesAllowedDynamicFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Payara registers its own {@code @RolesAllowed} enforcement in every JAX-RS application unless the war turns it off;
 * it asks the server's login, so on Payara Micro 7 every method carrying JSR-250 annotations answered the server's 401
 * to a valid token (consumer/war, tried). The features say so in the log, once for the application, with the fix;
 * an application without that enforcement gets no such line. The class Payara registers is stood in for by one of the
 * same name that binds nothing.
 */
class ServerEnforcementTest {
  private static final String FIX = "<jaxrs-roles-allowed-enabled>false</jaxrs-roles-allowed-enabled>";

  @Test
  void payarasOwnEnforcementIsReportedOnceWithTheFix() {
    assumeFalse(TestServer.runtime().equals("resteasy"), "Payara serves JAX-RS with Jersey");
    List<LogRecord> records = logged(() -> TestServer.startAt("/api", List.of(RouteBoundSecurityTest.usersFeature(),
        RouteBoundSecurityTest.billingFeature()),
        TestServer.union(UsersSecurityJwtFeature.classes(), BillingSecurityJwtFeature.classes()), Users.class,
        Invoices.class, RolesAllowedDynamicFeature.class));
    List<LogRecord> reports = records.stream().filter(r -> String.valueOf(r.getMessage()).contains(FIX)).toList();
    assertEquals(1, reports.size(), () -> messages(records));
    assertEquals(Level.SEVERE, reports.get(0).getLevel());
    assertTrue(reports.get(0).getMessage().contains("WEB-INF/payara-web.xml"), reports.get(0).getMessage());
  }

  @Test
  void anApplicationWithoutItHearsNothingOfIt() {
    List<LogRecord> records = logged(() -> TestServer.startAt("/api", List.of(RouteBoundSecurityTest.usersFeature()),
        UsersSecurityJwtFeature.classes(), Users.class));
    assertTrue(records.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains("Payara")),
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
