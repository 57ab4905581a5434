package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Feature;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An {@code @ApplicationPath} that JAX-RS percent-encodes ({@code /carte des caf\u00e9s}, served at
 * {@code /carte%20des%20caf%C3%A9s}). The processor accepted it and wrote it into the generated settings as written,
 * which the runtime refuses as a path: the application compiled and never started (found by
 * {@code RandomConfigurationsTest}). The settings now carry the path as requests spell it.
 *
 * <p>The application is compiled here, on its own, as a user's would be: beside the behaviour suite's applications its
 * {@code @ApplicationPath} would make theirs ambiguous. The suite's servers take no such context path alike (Jetty's
 * context encodes its spaces again in Jersey's base URI, Undertow and Grizzly answer 404), so it is served at the root,
 * as by a runtime that leaves the application path out: the token endpoint, refresh cookie, resources and OpenAPI
 * document work there.
 */
class EncodedApplicationPathTest {
  static final String SECRET = "cafe-secret-cafe-secret-cafe-secret-cafe!";
  static final String ENCODED = "/carte%20des%20caf%C3%A9s";
  static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  static final String APPLICATION = """
      package cafe;

      @jakarta.ws.rs.ApplicationPath("/carte des caf\\u00e9s")
      public class CafeApplication extends jakarta.ws.rs.core.Application {}
      """;

  static final String CONFIGURATION = """
      package cafe;

      import dev.jwtsecured.*;
      import dev.jwtsecured.runtime.*;
      import jakarta.ws.rs.*;
      import java.util.Optional;

      @JwtSecured(secret = "${IT_SECRET}", tokenUrl = "/token", expiration = "PT15M", refreshExpiration = "P1D",
          transport = Transport.COOKIE, cookieName = "cafe", openApiPath = "/openapi.json")
      public final class CafeSecurity {
        private CafeSecurity() {}

        @Authenticator
        static Optional<Grant> authenticate(String username, String password) {
          return username.equals("ines") && password.equals("pw") ? Optional.of(Grant.of("ines")) : Optional.empty();
        }

        @UserRetriever
        static String user(Token token) {
          return token.subject();
        }

        @Path("menu")
        public static final class Menu {
          @GET
          public String menu() {
            return "espresso";
          }
        }
      }
      """;

  /** The application compiled with the processor, its classes loaded. */
  static final class Cafe implements AutoCloseable {
    final Path dir;
    final URLClassLoader loader;
    final Class<?> feature;

    Cafe() {
      try {
        dir = Files.createTempDirectory("cafe");
        Path src = Files.createDirectories(dir.resolve("src/cafe"));
        Files.writeString(src.resolve("CafeApplication.java"), APPLICATION);
        Files.writeString(src.resolve("CafeSecurity.java"), CONFIGURATION);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<Diagnostic<? extends JavaFileObject>> reported = RandomRuns.compile(
            List.of(src.resolve("CafeApplication.java").toFile(), src.resolve("CafeSecurity.java").toFile()),
            classes, Files.createDirectories(dir.resolve("generated")));
        if (!reported.stream().allMatch(d -> d.getKind() == Diagnostic.Kind.NOTE)) {
          fail("the application did not compile cleanly: " + reported);
        }
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Cafe.class.getClassLoader());
        feature = loader.loadClass("cafe.CafeSecurityJwtFeature");
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }

    JwtSettings settings() throws ReflectiveOperationException {
      return ((JwtSettings.Builder) feature.getMethod("settings").invoke(null)).secret(SECRET).build();
    }

    TestServer start() {
      try {
        @SuppressWarnings("unchecked")
        Set<Class<?>> classes = new LinkedHashSet<>((Set<Class<?>>) feature.getMethod("classes").invoke(null));
        classes.add(loader.loadClass("cafe.CafeSecurity$Menu"));
        Feature installed = (Feature) feature.getConstructor(JwtSettings.class).newInstance(settings());
        return TestServer.start("", TestServer.application(Set.of(installed), classes));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws IOException {
      loader.close();
      try (java.util.stream.Stream<Path> written = Files.walk(dir)) {
        for (Path p : written.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withFixture(Cafe.class, Cafe::new, Cafe::start);

  @Test
  void theGeneratedSettingsStartWithThePathAsRequestsSpellIt(Cafe cafe) throws Exception {
    assertEquals(ENCODED, cafe.settings().applicationPath());
  }

  @Test
  void theTokenEndpointRefreshCookieAndResourcesWorkThere(TestServer server) {
    RawHttp.Response login = server.http.sendBody("POST", "/token",
        "grant_type=password&username=ines&password=pw", FORM);
    assertEquals(200, login.status, login.toString());
    assertTrue(login.setCookie("cafe_refresh").contains("; Path=/token;"), login.toString());
    RawHttp.Response refreshed = server.http.sendBody("POST", "/token", "grant_type=refresh_token", FORM,
        "Cookie: cafe_refresh=" + login.cookieValue("cafe_refresh"));
    assertEquals(200, refreshed.status, refreshed.toString());
    RawHttp.Response menu = server.http.send("GET", "/menu", "Cookie: cafe=" + refreshed.cookieValue("cafe"));
    assertEquals(200, menu.status, menu.toString());
    assertEquals("espresso", menu.body);
    assertEquals(401, server.http.send("GET", "/menu").status);
  }

  @Test
  void theOpenApiDocumentLeadsToTheTokenEndpoint(TestServer server) throws Exception {
    RawHttp.Response answer = server.http.send("GET", "/openapi.json");
    assertEquals(200, answer.status, answer.toString());
    JsonNode document = new ObjectMapper().readTree(answer.body);
    String tokenUrl = document.at("/components/securitySchemes/BearerToken/flows/password/tokenUrl").asText();
    assertEquals("/token", tokenUrl, answer.body);
    assertTrue(document.at("/paths").has("/menu"), answer.body);
  }
}
