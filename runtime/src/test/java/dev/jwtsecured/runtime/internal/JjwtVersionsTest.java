package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.runtime.JwtAuth;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.runtime.Token;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

/**
 * The runtime starts on the jjwt it is built with and refuses another release line, which a user's build resolves
 * where it (or another dependency) declares jjwt itself. The surefire executions {@code jjwt-0.12}, {@code jjwt-0.11},
 * {@code jjwt-mixed} of this module run this class with other jjwt jars on the class path, in place of 0.13.0,
 * and {@code jjwt-no-impl} without jjwt-impl; they name the versions they put there in {@code jwtsecured.test.jjwt}
 * ({@code api/impl}, the impl {@code failing} where jjwt-api cannot load it, {@code none} where there is none); the
 * default run has none.
 */
class JjwtVersionsTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void aConfigurationStartsOnlyOnTheJjwtItIsBuiltWith() {
    JwtSettings settings = JwtSettings.builder().secret(SECRET).build();
    String other = System.getProperty("jwtsecured.test.jjwt");
    if (other == null) {
      assertTrue(Jwts.class.getPackage().getImplementationVersion().startsWith(JjwtVersions.LINE + "."),
          "the build's jjwt is of the line the runtime names");
      JwtAuth auth = new JwtAuth(settings, JjwtVersionsTest.class);
      Token token = auth.login("bob").token();
      assertEquals("bob", new TokenCodec(settings).verify(auth.issue(token)).subject());
      return;
    }
    String[] versions = other.split("/");
    String found = switch (versions[1]) {
      case "failing", "none" ->
          "jjwt-api " + versions[0] + " and no jjwt-impl it can use (ExceptionInInitializerError)";
      default -> "jjwt-api " + versions[0] + " and jjwt-impl " + versions[1];
    };
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> new JwtAuth(settings, JjwtVersionsTest.class));
    assertEquals("jwtsecured: this runtime needs jjwt 0.13.x (jjwt-api and jjwt-impl), the release line it is built "
        + "and tested with, but it runs with " + found + ": the application's build, or one of its "
        + "dependencies, chose another jjwt. Declare io.jsonwebtoken:jjwt-api and io.jsonwebtoken:jjwt-impl 0.13.0 "
        + "(with Maven, in <dependencyManagement>), so that both resolve to it", refused.getMessage());
    assertThrows(IllegalStateException.class, () -> new JwtAuth(settings, JjwtVersionsTest.class), "every time");
  }

  @Test
  void versionsOfTheLineOrUnknownPass() {
    for (String[] pair : new String[][] {{"0.13.0", "0.13.0"}, {"0.13.1", "0.13.0"}, {"0.13", "0.13.2-SNAPSHOT"},
        {null, null}, {null, "0.13.0"}, {"0.13.0", null}}) {
      assertNull(JjwtVersions.problem(pair[0], pair[1]), String.join("/", String.valueOf(pair[0]), pair[1]));
    }
  }

  @Test
  void otherLinesAndMixturesAreRefused() {
    for (String[] pair : new String[][] {{"0.12.6", "0.12.6"}, {"0.11.5", "0.11.5"}, {"0.13.0", "0.12.7"},
        {"0.12.6", "0.13.0"}, {"0.14.0", "0.14.0"}, {"0.130.0", "0.130.0"}, {"1.0.0", "1.0.0"}, {"0.13.0", "0.1"},
        {null, "0.12.6"}, {"", "0.13.0"}}) {
      String problem = JjwtVersions.problem(pair[0], pair[1]);
      String impl = pair[1] == null ? "of an unknown version" : pair[1];
      assertTrue(problem != null && problem.contains(" and jjwt-impl " + impl + ": "),
          String.join("/", String.valueOf(pair[0]), pair[1]) + ": " + problem);
    }
  }
}
