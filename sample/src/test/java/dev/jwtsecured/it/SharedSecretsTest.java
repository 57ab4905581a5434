package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jwtsecured.processor.validation.Message;
import dev.jwtsecured.runtime.JwtFeature;
import dev.jwtsecured.runtime.JwtSettings;
import dev.jwtsecured.testing.LibraryLog;
import dev.jwtsecured.testing.TestServer;
import jakarta.ws.rs.core.Feature;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two configurations of one application with secrets, issuers, accepted issuers, audiences and algorithms drawn at
 * random: where the processor warns {@code [JwtSecured.SecretShared]}, a token the one it names issues must pass the
 * other's checks, and where it does not, it must not, unless operators set the two variables to one value, which only
 * the runtime sees: its warning in the log must stand exactly where a token passes the other's checks. Where either
 * configuration suppresses the warning, neither says anything. The processor judges from the annotations what the
 * runtime decides per request (key, algorithm, issuer, audience); this holds the three together, a real server
 * answering (on Apache CXF, which shows a feature nothing of the application, the log says nothing);
 * {@code -Djwtsecured.sharedSecrets=N} tries N pairs instead of the suite's few, from seed
 * {@code -Djwtsecured.sharedSecretsFirstSeed} (1 by default); {@code -Djwtsecured.sharedSecretsSeed} tries one.
 */
class SharedSecretsTest {
  /** What the variables S and T hold: a secret long enough for HS512 each. */
  private static final Map<String, String> ENVIRONMENT = Map.of(
      "S", "shared-secrets-s-0123456789-0123456789-0123456789-0123456789-abcdef",
      "T", "shared-secrets-t-0123456789-0123456789-0123456789-0123456789-abcdef");
  /** The same, where operators gave both variables one value. */
  private static final Map<String, String> ONE_VALUE = Map.of("S", ENVIRONMENT.get("S"), "T", ENVIRONMENT.get("S"));
  private static final String LITERAL = "shared-secrets-literal-0123456789-0123456789-0123456789-0123456789";
  private static final String[] SECRETS = {"${S}", "${S}", "${T}", "${S:" + LITERAL + "}", LITERAL};
  private static final String[] ISSUERS = {"", "", "https://a.example", "https://b.example"};
  private static final String[] AUDIENCES = {"", "", "\"x\"", "\"y\"", "{\"x\", \"y\"}"};
  private static final String[] ALGORITHMS = {"", "", "", "HS384", "HS512"};

  static List<Long> seeds() {
    return RandomRuns.seeds("jwtsecured.sharedSecretsSeed", "jwtsecured.sharedSecrets", 16,
        "jwtsecured.sharedSecretsFirstSeed");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theWarningSaysWhichTokensPassTheOthersChecks(long seed, @TempDir Path dir) throws Exception {
    Random random = new Random(seed);
    dir = RandomRuns.directory(dir, "pair" + seed);
    String[] members = {members(random), members(random)};
    boolean oneValue = random.nextInt(5) == 0;
    int suppressing = random.nextInt(8) == 0 ? random.nextInt(2) : -1;
    List<File> files = new ArrayList<>();
    files.add(write(dir, "pairs.App", "package pairs;\n@jakarta.ws.rs.ApplicationPath(\"/\")\n"
        + "public class App extends jakarta.ws.rs.core.Application {}\n"));
    for (int c = 0; c < 2; c++) {
      String name = c == 0 ? "a" : "b";
      files.add(write(dir, "pairs." + name + ".Config", "package pairs." + name + ";\n"
          + "import dev.jwtsecured.*;\nimport dev.jwtsecured.runtime.*;\nimport jakarta.ws.rs.*;\n"
          + "@SuppressWarnings({\"JwtSecured.LiteralSecret\", \"JwtSecured.LoginTokensRefused\""
          + (c == suppressing ? ", \"JwtSecured.SecretShared\"" : "") + "})\n"
          + "@JwtSecured(" + members[c] + ")\n"
          + "public final class Config {\n"
          + "  @UserRetriever static String user(Token token) { return token.subject(); }\n"
          + "  @Path(\"/" + name + "\") public static final class Me {\n"
          + "    @GET public String get() { return \"" + name + "\"; }\n"
          + "  }\n"
          + "}\n"));
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Diagnostic<? extends JavaFileObject>> diagnostics = RandomRuns.compile(files, classes,
        Files.createDirectories(dir.resolve("generated")));
    String what = "seed " + seed + ": a {" + members[0] + "}, b {" + members[1] + "}" + (oneValue ? ", S = T" : "")
        + (suppressing >= 0 ? ", suppressed on " + (suppressing == 0 ? "a" : "b") : "") + "\n" + diagnostics;
    if (diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
      // previousSecrets naming the configuration's own variable, say: the processor's own error, nothing to serve.
      if (diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR && !d.getMessage(null)
          .startsWith("[JwtSecured."))) {
        fail(what);
      }
      System.out.println("seed " + seed + ": the processor's errors");
      return;
    }
    String tag = "[" + Message.SECRET_SHARED.tag() + "]";
    List<String> warnings = diagnostics.stream().map(d -> d.getMessage(null)).filter(m -> m.startsWith(tag)).toList();
    boolean aPassesB = warnings.stream().anyMatch(m -> m.contains("a token either issues")
        || m.contains("a token pairs.a.Config issues passes pairs.b.Config's checks"));
    boolean bPassesA = warnings.stream().anyMatch(m -> m.contains("a token either issues")
        || m.contains("a token pairs.b.Config issues passes pairs.a.Config's checks"));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        SharedSecretsTest.class.getClassLoader())) {
      List<Feature> features = new ArrayList<>();
      Set<Class<?>> generated = new HashSet<>();
      List<Class<?>> resources = new ArrayList<>();
      for (String name : new String[] {"a", "b"}) {
        Class<?> featureType = loader.loadClass("pairs." + name + ".ConfigJwtFeature");
        JwtSettings.Builder settings = (JwtSettings.Builder) featureType.getMethod("settings").invoke(null);
        features.add((Feature) featureType.getConstructor(JwtSettings.class)
            .newInstance(settings.environment((oneValue ? ONE_VALUE : ENVIRONMENT)::get).build()));
        @SuppressWarnings("unchecked")
        Set<Class<?>> classes0 = (Set<Class<?>>) featureType.getMethod("classes").invoke(null);
        generated.addAll(classes0);
        resources.add(loader.loadClass("pairs." + name + ".Config$Me"));
      }
      try (LibraryLog log = new LibraryLog();
          TestServer server = TestServer.startAt("", features, generated, resources.toArray(Class<?>[]::new))) {
        String aToken = ((JwtFeature) features.get(0)).auth().login("ada").jwt();
        String bToken = ((JwtFeature) features.get(1)).auth().login("bob").jwt();
        int atB = server.http.send("GET", "/b", "Authorization: Bearer " + aToken).status;
        int atA = server.http.send("GET", "/a", "Authorization: Bearer " + bToken).status;
        List<String> logged = log.containing("[JwtSecured.SecretShared]").stream().map(r -> r.getMessage()).toList();
        if (suppressing >= 0) {
          assertEquals(List.of(), warnings, what);
          assertEquals(List.of(), logged, what);
        } else {
          if (!oneValue) {
            assertEquals(aPassesB ? 200 : 401, atB, "a's token at b: " + what);
            assertEquals(bPassesA ? 200 : 401, atA, "b's token at a: " + what);
          } else if (aPassesB || bPassesA) {
            assertEquals(aPassesB ? 200 : atB, atB, "a's token at b: " + what);
            assertEquals(bPassesA ? 200 : atA, atA, "b's token at a: " + what);
          }
          String said = atB == 200 && atA == 200 ? "a token either issues passes the other's checks"
              : atB == 200 ? "a token pairs.a.Config issues passes the checks of pairs.b.Config"
              : "a token pairs.b.Config issues passes the checks of pairs.a.Config";
          // Apache CXF shows a feature nothing of the application, the other configurations included.
          boolean seen = !TestServer.runtime().equals("cxf");
          assertEquals(seen && (atB == 200 || atA == 200) ? 1 : 0, logged.size(), what + "\n" + logged);
          logged.forEach(m -> assertTrue(m.contains(said), m + "\n" + what));
        }
        System.out.println("seed " + seed + ": a's token at b " + atB + ", b's at a " + atA + ", the processor "
            + (warnings.isEmpty() ? "silent" : "warned") + ", the log " + (logged.isEmpty() ? "silent" : "warned")
            + (oneValue ? ", S = T" : "") + (suppressing >= 0 ? ", suppressed" : ""));
      }
    }
  }

  /** The members of one configuration, drawn. */
  private static String members(Random random) {
    List<String> members = new ArrayList<>();
    String secret = SECRETS[random.nextInt(SECRETS.length)];
    members.add("secret = \"" + secret + "\"");
    if (random.nextInt(4) == 0) {
      members.add("previousSecrets = \"" + (random.nextBoolean() ? "${S}" : "${T}") + "\"");
    }
    String issuer = ISSUERS[random.nextInt(ISSUERS.length)];
    if (!issuer.isEmpty()) {
      members.add("issuer = \"" + issuer + "\"");
    }
    if (random.nextInt(4) == 0) {
      members.add("acceptedIssuers = \"" + ISSUERS[2 + random.nextInt(2)] + "\"");
    }
    String audience = AUDIENCES[random.nextInt(AUDIENCES.length)];
    if (!audience.isEmpty()) {
      members.add("audience = " + audience);
    }
    String algorithm = ALGORITHMS[random.nextInt(ALGORITHMS.length)];
    if (!algorithm.isEmpty()) {
      members.add("algorithm = \"" + algorithm + "\"");
    }
    return String.join(", ", members);
  }

  private static File write(Path dir, String qualifiedName, String text) throws Exception {
    Path file = dir.resolve("src").resolve(qualifiedName.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file.toFile();
  }
}
