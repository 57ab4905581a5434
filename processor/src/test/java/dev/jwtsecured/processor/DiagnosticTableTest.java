package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Message;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnostics that one configuration class shows, alone or against a small resource class, declared as data (as
 * MapStruct declares expected outcomes): the source of {@code test.Config}, the message expected, the line it must
 * stand on (in the configuration, or in the resources for route rules), any further text it must contain, and whether
 * it must be the only diagnostic of its kind. The kind asserted is the message's own. Diagnostics that need several
 * configurations, options, counts above one or generated output keep hand-written tests beside this one.
 */
class DiagnosticTableTest {
  /** One expected outcome. */
  record Case(Message message, String line, List<String> alsoContaining, List<String> source, boolean withRoutes,
      boolean inResources, boolean onlyOne, String eclipseLine) {
    Case alsoContaining(String text) {
      List<String> more = new ArrayList<>(alsoContaining);
      more.add(text);
      return new Case(message, line, more, source, withRoutes, inResources, onlyOne, eclipseLine);
    }

    /** Compiled beside {@link #RESOURCES}; the diagnostic stands in the configuration. */
    Case againstRoutes() {
      return new Case(message, line, alsoContaining, source, true, false, onlyOne, eclipseLine);
    }

    /** Compiled beside {@link #RESOURCES}; the diagnostic stands on a resource method. */
    Case onTheRoutes() {
      return new Case(message, line, alsoContaining, source, true, true, onlyOne, eclipseLine);
    }

    /** The only error (or warning) of the compilation. */
    Case alone() {
      return new Case(message, line, alsoContaining, source, withRoutes, inResources, true, eclipseLine);
    }

    /**
     * The Eclipse compiler places a message about one element of an array member at the member, on the line of its
     * name: {@code member} is that line's marker when the element stands on another line.
     */
    Case onEclipseAt(String member) {
      return new Case(message, line, alsoContaining, source, withRoutes, inResources, onlyOne, member);
    }

    @Override
    public String toString() {
      return message.tag() + " on \"" + line + "\"";
    }
  }

  static Case expect(Message message, String line, String... source) {
    return new Case(message, line, List.of(), List.of(source), false, false, false, line);
  }

  /** A 1024-bit RSA public key as one-line PEM, too short for a configuration. */
  static String shortRsaPem() {
    return publicKeyPem("RSA", 1024);
  }

  /** A new public key of {@code type} and {@code size} bits as PEM on one line, as it stands in a Java string. */
  static String publicKeyPem(String type, int size) {
    try {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance(type);
      generator.initialize(size);
      return "-----BEGIN PUBLIC KEY-----" + java.util.Base64.getEncoder().encodeToString(
          generator.generateKeyPair().getPublic().getEncoded()) + "-----END PUBLIC KEY-----";
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The resources route rules are checked against. */
  static final JavaFileObject RESOURCES = source("Resources",
      "@Path(\"/\")",
      "final class Resources {",
      "  @POST @Path(\"login\") public void login() {}",
      "  @GET @Path(\"users/{id}\") public String user() { return \"\"; }",
      "  @GET @Path(\"public\") @PermitAll public String open() { return \"\"; }",
      "  @GET @Path(\"reports\") @RolesAllowed(\"auditor\") public String reports() { return \"\"; }",
      "}");

  static final String RETRIEVER = "  @UserRetriever static User user(Token token) { return null; }";

  static Stream<Case> cases() {
    return Stream.of(
        expect(Message.PRIVATE_KEY_WITH_OTHER_KEYS, "publicKey = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    publicKey = \"${JWT_PUBLIC_KEY}\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("publicKey cannot go with privateKey").alone(),
        expect(Message.PUBLIC_KEY_INVALID, "publicKey = ",
            "@JwtSecured(",
            "    publicKey = \"" + DiagnosticTableTest.shortRsaPem() + "\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("an RSA key needs at least 2048 bits, this one has 1024").alone(),
        expect(Message.ROTATION_KEYS_WITHOUT_PRIVATE_KEY, "rotationPublicKeys = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    rotationPublicKeys = \"${JWT_ROTATION_PUBLIC_KEYS:}\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("A secret rotates with previousSecrets").alone(),
        expect(Message.ROTATION_KEYS_WITHOUT_PRIVATE_KEY, "rotationPublicKeys = ",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks\",",
            "    rotationPublicKeys = \"${JWT_ROTATION_PUBLIC_KEYS:}\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        expect(Message.ROTATION_KEY_INVALID, "\"-----BEGIN PUBLIC KEY-----",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\", rotationPublicKeys = {\"${JWT_NEXT_KEY:}\",",
            "    \"" + DiagnosticTableTest.publicKeyPem("EC", 384) + "\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("this one holds an EC key of another curve").alone()
            .onEclipseAt("rotationPublicKeys = "),
        expect(Message.ROTATION_KEY_INVALID, "rotationPublicKeys = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    rotationPublicKeys = \"" + DiagnosticTableTest.publicKeyPem("RSA", 2048)
                + DiagnosticTableTest.publicKeyPem("Ed25519", 255) + "\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("this one holds an EdDSA key").alone(),
        expect(Message.ROTATION_KEY_INVALID, "rotationPublicKeys = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    rotationPublicKeys = \"JWT_NEXT_KEY\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        expect(Message.PREVIOUS_SECRET_INVALID, "\"an-old-literal-secret",
            "@JwtSecured(secret = \"${JWT_SECRET}\", previousSecrets = {\"${JWT_SECRET_OLD}\",",
            "    \"an-old-literal-secret-an-old-literal-secret\"})",
            "final class Config {",
            RETRIEVER,
            "}").alone().onEclipseAt("previousSecrets = "),
        expect(Message.PREVIOUS_SECRET_INVALID, "\"${JWT_SECRET_OLD:",
            "@JwtSecured(secret = \"${JWT_SECRET}\", previousSecrets = {\"${JWT_SECRET_OLDER}\",",
            "    \"${JWT_SECRET_OLD:an-old-literal-secret-an-old-literal-secret}\"})",
            "final class Config {",
            RETRIEVER,
            "}").alone().onEclipseAt("previousSecrets = "),
        expect(Message.PREVIOUS_SECRET_IS_CURRENT, "\"${JWT_SECRET:",
            "@JwtSecured(secret = \"${JWT_SECRET}\", previousSecrets = {\"${JWT_SECRET_OLDER}\",",
            "    \"${JWT_SECRET:}\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("such as ${JWT_SECRET_PREVIOUS}").alone().onEclipseAt("previousSecrets = "),
        expect(Message.PREVIOUS_SECRET_TWICE, "\"${JWT_SECRET_OLD}\"})",
            "@JwtSecured(secret = \"${JWT_SECRET}\", previousSecrets = {\"${JWT_SECRET_OLD:}\",",
            "    \"${JWT_SECRET_OLD}\"})",
            "final class Config {",
            RETRIEVER,
            "}").alone().onEclipseAt("previousSecrets = "),
        expect(Message.PUBLIC_KEY_INVALID, "publicKey = ",
            "@JwtSecured(",
            "    publicKey = \"-----BEGIN PUBLIC KEY-----MIIBIjANBgkq\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        expect(Message.JWKS_WITH_ISSUING_MEMBER, "tokenUrl = ",
            "@JwtSecured(publicKey = \"${JWT_PUBLIC_KEY}\",",
            "    tokenUrl = \"/login\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}").alsoContaining("tokenUrl cannot go with publicKey"),
        expect(Message.PRIVATE_KEY_WITH_OTHER_KEYS, "secret = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    secret = \"${JWT_SECRET}\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("secret cannot go with privateKey").alone(),
        expect(Message.PRIVATE_KEY_INVALID, "privateKey = ",
            "@JwtSecured(",
            "    privateKey = \"-----BEGIN PRIVATE KEY-----MIGHAgEA\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        // A placeholder's fallback is held to the rules of a value written there: a private key in it is in the source.
        expect(Message.PRIVATE_KEY_INVALID, "privateKey = ",
            "@JwtSecured(",
            "    privateKey = \"${JWT_PRIVATE_KEY:-----BEGIN PRIVATE KEY-----MIGHAgEA}\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        expect(Message.PUBLIC_KEY_INVALID, "publicKey = ",
            "@JwtSecured(",
            "    publicKey = \"${JWT_PUBLIC_KEY:-----BEGIN PUBLIC KEY-----MIIBIjANBgkq}\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        expect(Message.ROTATION_KEY_INVALID, "rotationPublicKeys = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    rotationPublicKeys = \"${JWT_NEXT_KEY:JWT_NEXT_KEY}\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        expect(Message.JWKS_WITH_ISSUING_MEMBER, "secret = ",
            "@JwtSecured(jwksUri = \"${JWT_JWKS_URI}\",",
            "    secret = \"${JWT_SECRET}\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("secret cannot go with jwksUri").alone(),
        expect(Message.JWKS_WITH_ISSUING_MEMBER, "tokenUrl = ",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks\",",
            "    tokenUrl = \"/login\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}"),
        expect(Message.KEY_SET_WITHOUT_ISSUER, "jwksUri = ",
            "@JwtSecured(",
            "    jwksUri = \"https://login.microsoftonline.com/common/discovery/v2.0/keys\",",
            "    audience = \"api://orders\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("Microsoft Entra ID's keys sign the tokens of every tenant").alone(),
        expect(Message.KEY_SET_WITHOUT_AUDIENCE, "jwksUri = ",
            "@JwtSecured(",
            "    jwksUri = \"https://sso.example/realms/shop/protocol/openid-connect/certs\",",
            "    issuer = \"https://sso.example/realms/shop\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("an ID token of any of its clients").alone(),
        expect(Message.PUBLIC_KEY_WITHOUT_AUDIENCE, "publicKey = ",
            "@JwtSecured(",
            "    publicKey = \"${JWT_PUBLIC_KEY}\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("a token meant for another service passes here").alone(),
        expect(Message.JWKS_URI_INVALID, "jwksUri = ",
            "@JwtSecured(",
            "    jwksUri = \"http://idp.example/jwks\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        // A placeholder's fallback is held to the literal's rule, as the secret's is (it passed, refused at start).
        expect(Message.JWKS_URI_INVALID, "jwksUri = ",
            "@JwtSecured(",
            "    jwksUri = \"${JWKS_URI:http://idp.example/jwks}\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        // A host name that starts like a loopback address is not one (it passed, and the runtime refused it at start).
        expect(Message.JWKS_URI_INVALID, "jwksUri = ",
            "@JwtSecured(",
            "    jwksUri = \"http://127.idp.example/jwks\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        expect(Message.KEY_ALGORITHM_UNKNOWN, "\"HS256\"",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks\",",
            "    keyAlgorithms = {\"RS256\",",
            "        \"HS256\"})",
            "final class Config {",
            RETRIEVER,
            "}").alone().onEclipseAt("keyAlgorithms = "),
        expect(Message.ROLES_CLAIM_INVALID, "rolesClaim = ",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks\",",
            "    rolesClaim = \"realm_access..roles\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("is not a claim path"),
        // In a path with quoted names, a URI is quoted too: its dots would lead through objects no one wrote.
        expect(Message.ROLES_CLAIM_INVALID, "rolesClaim = ",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks\",",
            "    rolesClaim = \"https://shop.example.com/ns.\\\"roles\\\"\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("between double quotes, such as resource_access.\\\"com.example.shop\\\".roles"),
        expect(Message.ROLES_CLAIM_INVALID, "rolesClaim = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    rolesClaim = \"groups\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("goes only with jwksUri"),
        // Roles written at a claim the library writes itself: "sub" made every login a 500, "aud" every token one
        // its own configuration refused, "sid" logouts that could not find the session, "scope" roles that vanished.
        expect(Message.ROLES_CLAIM_INVALID, "rolesClaim = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    rolesClaim = \"sid\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("names the \"sid\" claim, which the tokens privateKey signs carry").alone(),
        expect(Message.ROLES_CLAIM_INVALID, "rolesClaim = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    rolesClaim = \"\\\"sub\\\".roles\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("names the \"sub\" claim").alone(),
        expect(Message.SECRET_EMPTY, "@JwtSecured",
            "@JwtSecured",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("or verify an identity provider's tokens with jwksUri"),
        expect(Message.NO_USER_RETRIEVER, "@JwtSecured",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            "  static User user(Token token) { return null; }",
            "}").alsoContaining("Config has none").alone(),
        expect(Message.CLASS_ABSTRACT, "abstract class Config",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "abstract class Config {",
            RETRIEVER,
            "}"),
        expect(Message.TOKEN_URL_INVALID, "tokenUrl = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    tokenUrl = \"/a/../token?x=1\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant authenticate(String u, String p) { return null; }",
            "}"),
        expect(Message.EXCLUDE_MATCHES_NO_ROUTE, "exclude = \"/users\"",
            "@JwtSecured(secret = \"${S}\",",
            "    exclude = \"/users\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("the closest route is \"/users/{id}\"").againstRoutes().alone(),
        expect(Message.EXCLUDE_MATCHES_EVERYTHING, "exclude = \".*\"",
            "@JwtSecured(secret = \"${S}\",",
            "    exclude = \".*\")",
            "final class Config {",
            RETRIEVER,
            "}").againstRoutes(),
        expect(Message.EXCLUDE_MATCHES_EVERYTHING, "exclude = \"/(login",
            "@JwtSecured(secret = \"${S}\",",
            "    exclude = \"/(login|users/.*|public|reports)\")",
            "final class Config {",
            RETRIEVER,
            "}").againstRoutes(),
        expect(Message.PERMIT_ALL_IN_EXCLUDED_PATH, "String open()",
            "@JwtSecured(secret = \"${S}\", exclude = \"/public\")",
            "final class Config {",
            RETRIEVER,
            "}").onTheRoutes(),
        expect(Message.ROLES_ON_EXCLUDED_PATH, "String reports()",
            "@JwtSecured(secret = \"${S}\", exclude = \"/reports\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("@RolesAllowed(auditor) on GET /reports is never checked").onTheRoutes(),
        expect(Message.RULE_ON_EXCLUDED_METHOD, "String reports()",
            "@JwtSecured(secret = \"${S}\", excludeMethods = {\"OPTIONS\", \"GET\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("@RolesAllowed(auditor) on GET /reports is never applied: excludeMethods has GET")
            .onTheRoutes().alone(),
        expect(Message.GENERATED_PATH_COLLIDES, "openApiPath = \"/public\"",
            "@JwtSecured(secret = \"${S}\",",
            "    openApiPath = \"/public\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("The generated OpenAPI document is served at \"/public\", which test.Resources.open"
                + " also answers with GET").againstRoutes().alone(),
        expect(Message.SCOPE_INVALID, "\"orders write\"",
            "@JwtSecured(secret = \"${S}\", scopes = {\"orders:read\",",
            "    \"orders write\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("scope \"orders write\" is not an RFC 6749 scope token").alone()
            .onEclipseAt("scopes = "),
        expect(Message.USER_TYPE_NOT_ACCESSIBLE, "Optional<Hidden> user(",
            "@JwtSecured(secret = \"${S}\")",
            "final class Config {",
            "  private static final class Hidden {}",
            "  @UserRetriever static Optional<Hidden> user(Token token) { return Optional.empty(); }",
            "}").alsoContaining("names test.Config.Hidden, which is private: the generated access point in package"
                + " \"test\" cannot name it. Make it package-private or public").alone(),
        expect(Message.USER_TYPE_TYPE_VARIABLE, "Optional<List<T>> user(",
            "@JwtSecured(secret = \"${S}\")",
            "final class Config<T> {",
            "  @UserRetriever Optional<List<T>> user(Token token) { return Optional.empty(); }",
            "}").alsoContaining("The user type of 'user' names the type variable T: the generated access point, which"
                + " has none, cannot name it").alone(),
        expect(Message.TOKEN_URL_COLLIDES, "tokenUrl = \"/login\"",
            "@JwtSecured(secret = \"${S}\",",
            "    tokenUrl = \"/login\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}").againstRoutes(),
        expect(Message.UNDECLARED_ROLE, "@RolesAllowed(\"auditor\")",
            "@JwtSecured(secret = \"${S}\", roles = {\"admin\", \"audit\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("role \"auditor\" is not in the roles declared").onTheRoutes(),
        expect(Message.ANY_AUTHENTICATED_USER_DECLARED, "\"**\"})",
            "@JwtSecured(secret = \"${S}\", roles = {\"admin\",",
            "    \"**\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("roles has \"**\", which names no role").alone().onEclipseAt("roles = "),
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
            "}").alsoContaining("Unclosed group").onEclipseAt("exclude = "),
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
        expect(Message.REFRESH_WITHOUT_TOKEN_ENDPOINT, "refreshExpiration = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    refreshExpiration = \"P14D\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("Config has no token endpoint").alone(),
        expect(Message.DURATION_INVALID, "refreshExpiration = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\",",
            "    refreshExpiration = \"14 days\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}").alsoContaining("refreshExpiration \"14 days\"").alone(),
        // An issuer or audience a token cannot carry as written: an empty audience passed for "an audience is set"
        // and matched no token; one read with a line end matched no token either.
        expect(Message.CLAIM_TEXT_INVALID, "\"\"",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks\", issuer = \"https://idp.example\",",
            "    audience = {\"api\", \"\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("audience \"\" is not a value a token can carry as written").alone()
            .onEclipseAt("audience = "),
        expect(Message.CLAIM_TEXT_INVALID, "issuer = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    issuer = \"https://issuer.example \")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        expect(Message.CLAIM_TEXT_INVALID, "acceptedIssuers = ",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks\", audience = \"api\",",
            "    acceptedIssuers = \"https://idp.example\\r\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        // Durations past their bounds: an expiration past year 9999 gave tokens the reader refuses (or a login that
        // failed on the arithmetic), a leeway of hours kept expired tokens alive, a huge jwksMinRefresh failed every
        // request with an unknown kid.
        expect(Message.DURATION_INVALID, "refreshExpiration = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\",",
            "    refreshExpiration = \"P3651D\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}").alsoContaining("refreshExpiration \"P3651D\" is not a valid ISO-8601 duration of at most P3650D")
            .alone(),
        expect(Message.DURATION_INVALID, "expiration = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    expiration = \"P3000000D\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("of at most P3650D").alone(),
        expect(Message.DURATION_INVALID, "leeway = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    leeway = \"PT5M1S\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("leeway \"PT5M1S\" is not a valid ISO-8601 duration of at most PT5M").alone(),
        expect(Message.DURATION_INVALID, "jwksMinRefresh = ",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks\", issuer = \"https://idp.example\", audience = \"api\",",
            "    jwksMinRefresh = \"PT2562047788015215H\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("of at most P1D").alone(),
        expect(Message.REFRESH_NOT_LONGER_THAN_TOKEN, "refreshExpiration = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\",",
            "    refreshExpiration = \"PT12H\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}").alsoContaining("expiration \"PT24H\"").alone(),
        expect(Message.REFRESH_HANDLER_TAKES_REQUEST, "static User user(",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\", refreshExpiration = \"P14D\")",
            "final class Config {",
            "  @UserRetriever static User user(Token token, ContainerRequestContext request) { return null; }",
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}").alsoContaining("@UserRetriever 'user'").alone(),
        expect(Message.REFRESH_HANDLER_TAKES_REQUEST, "boolean revoked(",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\", refreshExpiration = \"P14D\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "  @RevocationCheck static boolean revoked(Token t, ContainerRequestContext r) { return false; }",
            "}").alsoContaining("@RevocationCheck 'revoked'").alone(),
        expect(Message.REFRESH_STORAGE_WITHOUT_REFRESH, "refreshStorage = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\",",
            "    refreshStorage = RefreshStorage.PROVIDED)",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "  @RefreshStore static RefreshTokenStore store() { return null; }",
            "}").alone(),
        expect(Message.REFRESH_STORE_MISSING, "refreshStorage = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\", refreshExpiration = \"P14D\",",
            "    refreshStorage = RefreshStorage.PROVIDED)",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}").alsoContaining("Config has none").alone(),
        expect(Message.REFRESH_STORE_UNUSED, "RefreshTokenStore store(",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\", refreshExpiration = \"P14D\")",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "  @RefreshStore static RefreshTokenStore store() { return null; }",
            "}").alsoContaining("in memory (refreshStorage = IN_MEMORY)").alone(),
        expect(Message.REFRESH_STORE_SIGNATURE, "String store(",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\", refreshExpiration = \"P14D\",",
            "    refreshStorage = RefreshStorage.PROVIDED)",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "  @RefreshStore static String store(int size) { return null; }",
            "}").alsoContaining("'java.lang.String store(int)'").alone(),
        expect(Message.REVOCATION_SIGNATURE, "String revoked(",
            "@JwtSecured(secret = \"${JWT_SECRET}\")",
            "final class Config {",
            RETRIEVER,
            "  @RevocationCheck static String revoked(Token token) { return null; }",
            "}"),
        expect(Message.NOT_A_ROOT_RESOURCE, "String.class",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    resources = {Config.class,",
            "        String.class})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("java.lang.String in resources").onEclipseAt("resources = "),
        // Once an internal error, from the file named after the package; "test." secured no package at all.
        expect(Message.BASE_PACKAGE_INVALID, "\"a b\"",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    basePackages = {\"test\",",
            "        \"a b\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("basePackages entry \"a b\" is not").onEclipseAt("basePackages = ").alone(),
        expect(Message.BASE_PACKAGE_INVALID, "\"test.\"",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    basePackages = {\"test\",",
            "        \"test.\"})",
            "final class Config {",
            RETRIEVER,
            "}").onEclipseAt("basePackages = ").alone(),
        // Would be every package, the others' too, which no other rule reads that way.
        expect(Message.BASE_PACKAGE_INVALID, "basePackages = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    basePackages = \"\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("basePackages entry \"\" is not").alone(),
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
        // A cookie path not starting with '/': a browser kept the cookie under the login's directory only.
        expect(Message.COOKIE_PATH_INVALID, "cookiePath = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", transport = Transport.COOKIE,",
            "    cookiePath = \"app\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("cookiePath \"app\" is not a cookie path: write one starting with '/'").alone(),
        expect(Message.COOKIE_PATH_INVALID, "cookiePath = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", transport = Transport.COOKIE,",
            "    cookiePath = \"/app; Domain=evil.example\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
        // A cookie domain with a port or a scheme: Chromium dropped the cookie, so a cookie login answered 200 and
        // every request after it 401.
        expect(Message.COOKIE_DOMAIN_INVALID, "cookieDomain = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", transport = Transport.COOKIE,",
            "    cookieDomain = \"shop.example:8443\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("cookieDomain \"shop.example:8443\" is not a domain browsers keep a cookie for")
            .alone(),
        expect(Message.COOKIE_DOMAIN_INVALID, "cookieDomain = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", transport = Transport.COOKIE,",
            "    cookieDomain = \"https://shop.example\")",
            "final class Config {",
            RETRIEVER,
            "}").alone(),
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
        expect(Message.COOKIE_PREFIX_RULES_UNMET, "cookieName = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", transport = Transport.COOKIE,",
            "    cookieName = \"__Host-token\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("Set cookieSecure = true, cookiePath = \"/\" and no cookieDomain").alone(),
        expect(Message.COOKIE_PREFIX_RULES_UNMET, "cookieName = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", transport = Transport.COOKIE, cookieSecure = true,",
            "    cookieName = \"__host-token\", cookiePath = \"/shop\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("Secure, Path=/ and no Domain").alone(),
        expect(Message.COOKIE_PREFIX_RULES_UNMET, "cookieName = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", transport = Transport.COOKIE,",
            "    cookieName = \"__Secure-token\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("Set cookieSecure = true, or another name").alone(),
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
        expect(Message.TOKEN_LENGTH_LIMIT_INVALID, "maxTokenLength = 100_000",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    maxTokenLength = 100_000)",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("maxTokenLength 100000 is outside 1024 to 65536"),
        expect(Message.HEADER_NAME_INVALID, "clientAddressHeader",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    clientAddressHeader = \"X Forwarded\")",
            "final class Config {",
            RETRIEVER,
            "}"),
        expect(Message.PUBLIC_KEY_FITS_NO_ALGORITHM, "publicKey = ",
            "@JwtSecured(audience = \"api\",",
            "    publicKey = \"" + DiagnosticTableTest.publicKeyPem("EC", 256) + "\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("is an EC key on P-256, which none of keyAlgorithms [RS256] verifies with: add ES256")
            .alone(),
        expect(Message.ROLES_CLAIM_INVALID, "rolesClaim = ",
            "@JwtSecured(jwksUri = \"https://idp.example/jwks.json\", issuer = \"https://idp.example\",",
            "    audience = \"api\",",
            "    rolesClaim = \"exp\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("names the \"exp\" claim, a NumericDate").alone(),
        expect(Message.ROLES_CLAIM_INVALID, "rolesClaim = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    rolesClaim = \"" + "r.".repeat(31) + "\\\"r\\\"\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("has 32 names: a token nests at most 32 levels deep").alone(),
        expect(Message.HEADER_NAME_RESERVED, "authHeader = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    authHeader = \"expect\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("authHeader \"expect\" names Expect, which servers act on").alone(),
        expect(Message.HEADER_NAME_RESERVED, "authHeader = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    authHeader = \"Content-Type\")",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("the JAX-RS runtime").alone(),
        expect(Message.ISSUED_TOKENS_REFUSED, "acceptedIssuers = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\", tokenUrl = \"/login\",",
            "    acceptedIssuers = {\"https://auth.example\"})",
            "final class Config {",
            RETRIEVER,
            "  @Authenticator static Grant check(String u, String p) { return null; }",
            "}").alsoContaining("its token endpoint").alsoContaining("issuer = \"https://auth.example\"").alone(),
        expect(Message.ISSUED_TOKENS_REFUSED, "acceptedIssuers = ",
            "@JwtSecured(privateKey = \"${JWT_PRIVATE_KEY}\",",
            "    acceptedIssuers = {\"https://auth.example\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("its private key").alone(),
        expect(Message.LOGIN_TOKENS_REFUSED, "acceptedIssuers = ",
            "@JwtSecured(secret = \"${JWT_SECRET}\",",
            "    acceptedIssuers = {\"https://auth.example\", \"https://other.example\"})",
            "final class Config {",
            RETRIEVER,
            "}").alsoContaining("ConfigJwt.login").alone());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachIsReportedOnItsLineWithItsKind(Case c) {
    JavaFileObject config = source("Config", c.source().toArray(new String[0]));
    Compilation compilation = javac().withProcessors(new JwtSecuredProcessor())
        .compile(c.withRoutes() ? List.of(user(), RESOURCES, config) : List.of(user(), config));
    JavaFileObject file = c.inResources() ? RESOURCES : config;
    List<String> texts = new ArrayList<>();
    texts.add("[" + c.message().tag() + "]");
    texts.addAll(c.alsoContaining());
    if (c.message().kind() == Kind.WARNING) {
      assertThat(compilation).succeeded();
      for (String text : texts) {
        assertThat(compilation).hadWarningContaining(text).inFile(file).onLineContaining(c.line());
      }
      if (c.onlyOne()) {
        assertThat(compilation).hadWarningCount(1);
      }
    } else {
      assertThat(compilation).failed();
      for (String text : texts) {
        assertThat(compilation).hadErrorContaining(text).inFile(file).onLineContaining(c.line());
      }
      if (c.onlyOne()) {
        assertThat(compilation).hadErrorCount(1);
      }
    }
  }

  /**
   * The same table through the Eclipse compiler (the Eclipse IDE, {@code plexus-compiler-eclipse}): the same tag, kind,
   * file and line (for an array element, the line of the member holding it), and the same count where it is alone.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachIsReportedOnItsLineWithItsKindByTheEclipseCompiler(Case c, @TempDir Path dir) throws IOException {
    JavaFileObject config = source("Config", c.source().toArray(new String[0]));
    EclipseCompilation compilation = EclipseCompilation.compile(dir,
        c.withRoutes() ? List.of(user(), RESOURCES, config) : List.of(user(), config));
    JavaFileObject file = c.inResources() ? RESOURCES : config;
    long expectedLine = lineContaining(file, c.eclipseLine());
    String expectedName = Path.of(file.toUri().getPath()).getFileName().toString();
    List<Diagnostic<? extends JavaFileObject>> reported = compilation.fromProcessor(c.message().kind());
    assertEquals(c.message().kind() == Kind.WARNING, compilation.success(), compilation::describe);
    assertTrue(reported.stream().anyMatch(d -> d.getLineNumber() == expectedLine
            && Path.of(d.getSource().toUri()).getFileName().toString().equals(expectedName)
            && Stream.concat(Stream.of("[" + c.message().tag() + "]"), c.alsoContaining().stream())
                .allMatch(d.getMessage(null)::contains)),
        () -> "expected [" + c.message().tag() + "] in " + expectedName + " on line " + expectedLine + ", got:\n"
            + compilation.describe());
    if (c.onlyOne()) {
      long all = c.message().kind() == Kind.ERROR
          ? compilation.diagnostics().stream().filter(d -> d.getKind() == Kind.ERROR).count()
          : reported.size();
      assertEquals(1, all, compilation::describe);
    }
  }

  /** The number of the one line of {@code file} that contains {@code marker}. */
  private static long lineContaining(JavaFileObject file, String marker) throws IOException {
    List<String> lines = file.getCharContent(true).toString().lines().toList();
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        found.add(i + 1);
      }
    }
    assertEquals(1, found.size(), () -> "\"" + marker + "\" stands on lines " + found);
    return found.get(0);
  }
}
