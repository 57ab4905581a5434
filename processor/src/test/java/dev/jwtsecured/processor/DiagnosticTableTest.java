package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Message;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnostics that need one configuration class to show, declared as data (as MapStruct declares expected
 * outcomes): the source of {@code test.Config}, the message expected, the line it must stand on, and any further text
 * it must contain. The kind asserted is the message's own. Diagnostics that need several sources, counts or generated
 * output keep hand-written tests beside this one.
 */
class DiagnosticTableTest {
  /** One expected outcome. */
  record Case(Message message, String line, List<String> alsoContaining, List<String> source) {
    Case alsoContaining(String text) {
      List<String> more = new ArrayList<>(alsoContaining);
      more.add(text);
      return new Case(message, line, more, source);
    }

    @Override
    public String toString() {
      return message.tag() + " on \"" + line + "\"";
    }
  }

  static Case expect(Message message, String line, String... source) {
    return new Case(message, line, List.of(), List.of(source));
  }

  static final String RETRIEVER = "  @UserRetriever static User user(Token token) { return null; }";

  static Stream<Case> cases() {
    return Stream.of(
        expect(Message.RETRIEVER_PARAMETERS, "User user(String subject)",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            "  @UserRetriever static User user(String subject) { return null; }",
            "}").alsoContaining("'user' takes (java.lang.String)"),
        expect(Message.RETRIEVER_PARAMETERS, "int x",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            "  @UserRetriever static User user(Token t, ContainerRequestContext r, int x) { return null; }",
            "}"),
        expect(Message.METHOD_NOT_ACCESSIBLE, "private static User user",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            "  @UserRetriever private static User user(Token token) { return null; }",
            "}"),
        expect(Message.METHOD_THROWS, "throws java.io.IOException",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            "  @UserRetriever static User user(Token token) throws java.io.IOException { return null; }",
            "}"),
        expect(Message.METHOD_GENERIC, "<U> U user",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            "  @UserRetriever static <U> U user(Token token) { return null; }",
            "}"),
        expect(Message.EXCLUDE_INVALID_REGEX, "\"/schema(/.*\"",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    exclude = {\"/login\",",
            "        \"/schema(/.*\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("Unclosed group"),
        expect(Message.ALGORITHM_UNKNOWN, "algorithm = \"RS256\"",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    algorithm = \"RS256\")",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.SECRET_TOO_SHORT, "secret = \"too-short",
            "@JwtSecured(",
            "    secret = \"too-short-for-hs256\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("secret has 19 bytes but HS256 needs at least 32"),
        expect(Message.SECRET_WELL_KNOWN, "changeme",
            "@JwtSecured(",
            "    secret = \"changeme\")",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.SECRET_LITERAL, "secret = \"0123",
            "@JwtSecured(",
            "    secret = \"0123456789abcdef0123456789abcdef\")",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.SECRET_EMPTY, "secret = \"\"",
            "@JwtSecured(",
            "    secret = \"\")",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.TOKEN_URL_WITHOUT_AUTHENTICATOR, "tokenUrl = \"/token\"",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    tokenUrl = \"/token\")",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.REVOCATION_SIGNATURE, "String revoked(",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            RETRIEVER,
            "  @RevocationCheck static String revoked(Token token) { return null; }",
            "}"),
        expect(Message.EXCLUDE_METHOD_INVALID, "\"get\"",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    excludeMethods = {\"OPTIONS\", \"get\"})",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.QUOTED_TEXT_INVALID, "realm = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    realm = \"my \\\"api\\\"\")",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.CACHE_SIZE_INVALID, "cacheSize = -1",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    cacheSize = -1)",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.CACHE_SIZE_INVALID, "cacheSize = 1_000_001",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    cacheSize = 1_000_001)",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("cacheSize 1000001 is outside 0 to 1000000"),
        expect(Message.SAME_SITE_NONE_WITHOUT_SECURE, "SameSite.NONE",
            "@JwtSecured(secret = \"${JWT_SECRET}\", transport = Transport.COOKIE,",
            "    cookieSameSite = SameSite.NONE)",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.NO_CALLABLE_CONSTRUCTOR, "final class Config",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            "  private Config() {}",
            "  @UserRetriever User user(Token token) { return null; }",
            "}"),
        expect(Message.SECRET_WELL_KNOWN_FALLBACK, "changeme",
            "@JwtSecured(secret = \"${JWT_SECRET:changeme}\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("the fallback \"changeme\" of secret placeholder ${JWT_SECRET:...}"),
        expect(Message.APPLICATION_PATH_INVALID, "applicationPath = \"api\"",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    applicationPath = \"api\")",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.TOKEN_REQUEST_LIMIT_INVALID, "maxTokenRequestBytes = 100",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    maxTokenRequestBytes = 100)",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.HEADER_NAME_INVALID, "clientAddressHeader",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    clientAddressHeader = \"X Forwarded\")",
            "final class Config {",
            RETRIEVER,
            "}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachIsReportedOnItsLineWithItsKind(Case c) {
    JavaFileObject config = source("Config", c.source().toArray(new String[0]));
    Compilation compilation = javac().withProcessors(new JwtSecuredProcessor()).compile(user(), config);
    String tag = "[" + c.message().tag() + "]";
    boolean warning = c.message().kind() == Kind.WARNING;
    if (warning) {
      assertThat(compilation).succeeded();
      assertThat(compilation).hadWarningContaining(tag).inFile(config).onLineContaining(c.line());
    } else {
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorContaining(tag).inFile(config).onLineContaining(c.line());
    }
    for (String text : c.alsoContaining()) {
      if (warning) {
        assertThat(compilation).hadWarningContaining(text).inFile(config).onLineContaining(c.line());
      } else {
        assertThat(compilation).hadErrorContaining(text).inFile(config).onLineContaining(c.line());
      }
    }
  }
}
