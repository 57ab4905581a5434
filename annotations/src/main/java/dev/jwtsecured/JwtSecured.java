package dev.jwtsecured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Secures the JAX-RS resources of an application with JSON Web Tokens, wired at compile time.
 *
 * <p>Put it on one configuration class that declares a {@link UserRetriever} method (and an {@link Authenticator}
 * when {@link #tokenUrl()} is set, and optionally a {@link RevocationCheck}). For a configuration class {@code Foo} the
 * processor generates, in {@code Foo}'s package:
 *
 * <ul>
 *   <li>{@code FooJwtFilter}: the request filter;
 *   <li>{@code FooJwt}: the typed access point for resources (current user, token, programmatic login);
 *   <li>{@code FooJwtFeature}: the {@code jakarta.ws.rs.core.Feature} to register with the application;
 *   <li>{@code FooJwtLoginResource}: with {@link #tokenUrl()}, the OAuth2 token endpoint;
 *   <li>{@code FooJwtOpenApi}: the OpenAPI document, and the resources {@code META-INF/jwtsecured/<configuration
 *       class>.openapi.json}, {@code .yaml} and {@code .routes.json}.
 * </ul>
 *
 * <p>Rules the processor enforces on this annotation (compiler errors unless said otherwise):
 *
 * <ul>
 *   <li>It stands on a top-level or static nested class that is not {@code private} and not abstract.
 *   <li>{@link #secret()} is not empty. A literal secret must have at least as many bytes as the algorithm's hash
 *       (32 for HS256, 48 for HS384, 64 for HS512); a {@code ${ENV}} placeholder is checked at start-up instead.
 *   <li>{@link #algorithm()} is one of {@code HS256}, {@code HS384}, {@code HS512}.
 *   <li>Every {@link #exclude()} entry is a valid {@link java.util.regex.Pattern} regular expression.
 *   <li>Every {@link #excludeMethods()} entry is an HTTP method token (upper case letters).
 *   <li>{@link #expiration()} and {@link #leeway()} are ISO-8601 durations ({@code PT24H}); the expiration is positive,
 *       the leeway not negative.
 *   <li>{@link #authHeader()} is a valid HTTP header name; {@link #realm()} and {@link #cookieName()} use only the
 *       characters RFC 6750 and RFC 6265 allow there.
 *   <li>A plain-path {@link #exclude()} entry that matches no operation's template but that a protected template
 *       would match ({@code "/users/me"} beside only {@code /users/{id}}) is an error.
 *   <li>No name is both one of {@link #scopes()} and a role ({@link #roles()} or {@code @RolesAllowed}).
 *   <li>{@code cookieSameSite = NONE} needs {@code cookieSecure = true}.
 *   <li>{@link #refreshExpiration()} is empty or a positive ISO-8601 duration, and needs a token endpoint and handler
 *       methods without {@code ContainerRequestContext}; {@code refreshStorage = PROVIDED} needs refresh tokens and
 *       a {@link RefreshStore} method, and a {@link RefreshStore} method needs {@code refreshStorage = PROVIDED}.
 *   <li>With instance handler methods, the class has a non-private constructor.
 *   <li>{@link #applicationPath()} is a plain absolute path; without it, {@code @ApplicationPath} classes with
 *       different paths that the processor cannot choose between are an error.
 *   <li>Every resource class the configuration secures is visible from its package (the generated code names it).
 *   <li>A sub-resource locator leading to public and protected operations is a warning: it runs before
 *       authentication.
 *   <li>A sub-resource locator declaring an interface or abstract class is a warning: the declared type's rules bind
 *       to every class implementing it, whose own JSR-250 annotations are not read.
 *   <li>A resource method reached at several paths with different rules (one sub-resource class behind two locators)
 *       is a warning, and every one of those paths requires all of their rules: JAX-RS binds filters per method.
 *   <li>The configuration waits while its resources name a type no processor has generated yet (a resource method's
 *       parameter type, a sub-resource class, a superclass or interface); one that never appears is an error on the
 *       resource. A resource class another processor generates after the configuration was written is a warning:
 *       its methods are unseen.
 * </ul>
 *
 * <p>For each operation of the resources it secures, the processor decides at compile time what it requires, and the
 * generated {@code FooJwtPolicies} (a JAX-RS {@code DynamicFeature}) binds the filter with that decision to the
 * resource method; see the README's "Route-bound security".
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JwtSecured {

  /**
   * The HMAC secret: either a placeholder {@code ${ENV_VAR}} or {@code ${ENV_VAR:fallback}}, resolved at start-up from
   * the environment, then from system properties, or a literal (discouraged). Start-up fails with a clear message when
   * the variable is unset and has no fallback, or when the resolved secret is shorter than the algorithm needs. A
   * configuration has exactly one source of keys: a secret or a {@link #privateKey()} (it issues and verifies its own
   * tokens), or a {@link #jwksUri()} or a {@link #publicKey()} (it verifies the tokens of an identity provider). Two
   * configurations of one application with one secret accept each other's tokens unless an {@link #audience()} or
   * {@link #issuer()} tells them apart: a warning.
   */
  String secret() default "";

  /**
   * Earlier secrets still accepted when verifying, each a {@code ${ENV_VAR}} placeholder of its own, never the one
   * {@code secret} reads: to rotate, give the current secret to a variable read here and a new one to the variable of
   * {@code secret}; tokens are signed with {@code secret} only, tokens signed with an earlier one stay valid until they
   * expire, and the earlier value is removed after that. Each is checked like the secret at start-up; a refused token
   * costs one HMAC per accepted secret. {@code ${ENV_VAR:}}, with an empty fallback, stands for no earlier secret while
   * the variable is unset, so a rotation changes only the environment; no other fallback is allowed (it would write a
   * secret in the source).
   */
  String[] previousSecrets() default {};

  /**
   * Where the public keys of an identity provider are published, a JSON Web Key Set: an {@code https} URI, or
   * {@code http} on a loopback address; a placeholder {@code ${ENV_VAR}} is resolved at start-up like the secret. Such
   * a verifier-only configuration has no secret, no {@code tokenUrl}, no {@code algorithm} and no {@code expiration}:
   * it verifies tokens signed with {@link #keyAlgorithms()}, each with the key its {@code kid} names (a token without
   * one: the set's only key, when it holds one) and only if the key is of the algorithm's family. The set is
   * refreshed on its {@code Cache-Control} max-age and, for an unknown {@code kid}, at most once per
   * {@link #jwksMinRefresh()}; the service starts while it is unreachable and answers 401 until it can be read.
   * Header key references ({@code jku}, {@code x5u}, {@code jwk}) are always refused.
   */
  String jwksUri() default "";

  /**
   * One public key to verify tokens with, for an issuer that publishes no JWKS: PEM ({@code -----BEGIN PUBLIC
   * KEY-----}, RSA, EC or Ed25519), a {@code ${ENV_VAR}} placeholder or {@code file:} and a path. Like
   * {@link #jwksUri()}, a verifier-only configuration: {@link #keyAlgorithms()} (each only with a key of its family,
   * and one of them must fit the key: a compile error for a key in the source, a start-up failure otherwise),
   * {@link #rolesClaim()}, no secret and no token endpoint; tokens may come with or without {@code kid}.
   */
  String publicKey() default "";

  /**
   * A PEM PKCS#8 private key to sign tokens with instead of a secret: EC P-256 (ES256) or RSA of at least 2048 bits
   * (RS256), the algorithm following the key; a {@code ${ENV_VAR}} placeholder holding the PEM text, or {@code file:}
   * and a path, never the key itself. The configuration issues and verifies its tokens like one with a secret, writes
   * roles at {@link #rolesClaim()}, and its feature publishes the public key as a JSON Web Key Set at
   * {@code /.well-known/jwks.json} (the key's RFC 7638 thumbprint as {@code kid}), so that other services verify its
   * tokens with {@link #jwksUri()} and no shared secret; a resource of this configuration that also answers {@code GET}
   * there, or a second configuration with a private key under the same {@code Application} class, is a compile error.
   */
  String privateKey() default "";

  /**
   * Public keys a {@link #privateKey()} configuration publishes in its JSON Web Key Set after its own and accepts like
   * it, to rotate the private key without refusing a token: the next key before the switch, so that verifiers know it
   * when its first token comes; the previous one after it, until its tokens have expired. Each value is a
   * {@code ${ENV_VAR}} placeholder, {@code file:} and a path, or PEM text, and holds zero or more {@code -----BEGIN
   * PUBLIC KEY-----} blocks, each EC P-256 (ES256) or RSA of at least 2048 bits (RS256): with
   * {@code "${JWT_ROTATION_PUBLIC_KEYS:}"}, a rotation changes only the environment.
   */
  String[] rotationPublicKeys() default {};

  /**
   * The algorithms a {@link #jwksUri()} configuration accepts, from {@code RS256}, {@code RS384}, {@code RS512},
   * {@code PS256}, {@code PS384}, {@code PS512}, {@code ES256}, {@code ES384}, {@code ES512} and {@code EdDSA}; HMAC
   * and {@code none} are never accepted with keys from a set.
   */
  String[] keyAlgorithms() default {"RS256"};

  /**
   * The least time between two fetches of the {@link #jwksUri()} set caused by tokens with an unknown {@code kid}, an
   * ISO-8601 duration, from one second to {@value #MAX_JWKS_MIN_REFRESH}: a flood of tokens with random {@code kid}s
   * causes at most one fetch per interval.
   */
  String jwksMinRefresh() default "PT30S";

  /**
   * The claim roles are read from, for {@code @RolesAllowed}: a name, or names joined by {@code .} for a nested one
   * ({@code realm_access.roles} as Keycloak writes it, {@code groups} as MicroProfile JWT does), or a URI, which names
   * one claim, dots and all ({@code https://shop.example.com/roles}, as Auth0 names custom claims); an array of strings
   * or a space-separated string. With a {@link #jwksUri()}, or a {@link #privateKey()} (which writes roles there, so
   * not at a claim its tokens carry for another purpose: {@link #CLAIM_PATH_TAKEN}); tokens a configuration with a
   * secret issues carry {@code roles}. Never {@code exp}, {@code nbf} or {@code iat}, which are numbers
   * ({@link #CLAIM_PATH_NUMERIC_DATE}).
   */
  String rolesClaim() default "roles";

  /**
   * Path of the generated OAuth2 password-grant token endpoint ({@code /login}); empty for no generated endpoint. When
   * set, the class needs an {@link Authenticator} method. A resource of this configuration at the same path, or another
   * configuration's token endpoint there under the same {@code Application} class, is a compile error.
   */
  String tokenUrl() default "";

  /**
   * Turns refresh tokens on at the {@link #tokenUrl()} endpoint (RFC 6749 section 6), with their lifetime as an
   * ISO-8601 duration ({@code "P14D"}); empty (the default) for none. The password grant then also answers a
   * {@code refresh_token}, and {@code grant_type=refresh_token} buys a new access token and a new refresh token; the
   * presented one is spent (rotation), and presenting a spent one revokes every refresh token of that login (reuse
   * detection, RFC 9700 section 4.14). Each refresh token lives this long from its issue (at most {@value
   * #MAX_LIFETIME}), so a login stays alive while it is used at least this often. Needs a token endpoint, and a user
   * retriever and revocation check that take no {@code ContainerRequestContext} (refresh calls them outside any
   * filter).
   */
  String refreshExpiration() default "";

  /**
   * Where refresh tokens live: {@link RefreshStorage#IN_MEMORY} (the default; one instance only) or
   * {@link RefreshStorage#PROVIDED}, the store a {@link RefreshStore} method returns (a database a cluster shares).
   */
  RefreshStorage refreshStorage() default RefreshStorage.IN_MEMORY;

  /**
   * Java regular expressions matched at compile time against the path template of every operation the processor sees
   * (relative to the application path, parameters written {@code {name}}): an operation whose template one of them
   * <em>fully</em> matches is public (a valid token still makes the user known). {@code "/login"} excludes
   * {@code /login} only, never {@code /loginx} or {@code /api/login}; write {@code "/schema(/.*)?"} for a subtree, and
   * {@code "/users/\\{id}"} for a template. Nothing is matched against request paths at run time, so percent-encoding,
   * matrix parameters or dot-segments cannot move a request between policies. A plain path that matches no template
   * but that a protected template would match ({@code "/users/me"} beside only {@code /users/{id}}) is a compile
   * error; operations the processor did not see are never excluded.
   */
  String[] exclude() default {};

  /**
   * HTTP methods that skip authentication: operations declared with them are public, and requests with them (such as
   * the JAX-RS runtime's own OPTIONS answers) pass. {@code HEAD} is not in the default, and excluding it makes only
   * {@code @HEAD} methods public: JAX-RS answers other HEAD requests by running the GET method, which keeps its rule.
   */
  String[] excludeMethods() default {"OPTIONS"};

  /** Where tokens are read from and written to. */
  Transport transport() default Transport.HEADER;

  /**
   * JWS algorithm used to sign, and the only one accepted when verifying: {@code HS256}, {@code HS384} or
   * {@code HS512}.
   */
  String algorithm() default "HS256";

  /**
   * Request and response header carrying {@code Bearer <jwt>}: not one HTTP gives a meaning that servers, proxies, the
   * JAX-RS runtime or browsers act on ({@code Host}, {@code Expect}, {@code Content-Type}, {@code Cookie},
   * {@code X-Forwarded-For}, ...), which is a compile error.
   */
  String authHeader() default "Authorization";

  /** Default token lifetime, an ISO-8601 duration, from one second to {@value #MAX_LIFETIME}. */
  String expiration() default "PT24H";

  /** Issuer written at login ({@code iss}) and required when verifying; empty for none. */
  String issuer() default "";

  /**
   * Further issuers accepted when verifying (the seed framework's {@code accepted_issuers}): with any of {@code issuer}
   * and these set, a token's {@code iss} must be one of them. For an identity provider with several realms or tenants.
   * A configuration that issues tokens needs {@code issuer} beside them, or its own tokens are refused: a compile
   * error with a token endpoint or a private key, a warning with a secret alone (whose logins issue tokens too).
   */
  String[] acceptedIssuers() default {};

  /**
   * Audiences written at login ({@code aud}); when not empty, a token is accepted only if its {@code aud} names at
   * least one of them (the seed framework's {@code accepted_audiences}).
   */
  String[] audience() default {};

  /**
   * Clock skew allowed on {@code exp}, {@code nbf} and {@code iat}, an ISO-8601 duration, at most {@value
   * #MAX_LEEWAY}: a token is accepted this long after it expires.
   */
  String leeway() default "PT0S";

  /** The {@code realm} of {@code WWW-Authenticate} challenges. */
  String realm() default "api";

  /**
   * Name of the token cookie ({@link Transport#COOKIE}). Over HTTPS, {@code "__Host-token"} (with
   * {@code cookieSecure = true}, {@code cookiePath = "/"} and no {@code cookieDomain}, which browsers then require)
   * keeps a sibling subdomain from planting a token cookie of its own; {@code __Secure-} names need
   * {@code cookieSecure = true}. The refresh cookie is named after it ({@link #REFRESH_COOKIE_SUFFIX}). Two
   * configurations of one application with cookie transport need names of their own, or paths no request matches both
   * of: a browser keeps one cookie of a name per path.
   */
  String cookieName() default "token";

  /** {@code Path} attribute of the token cookie, of the form {@link #COOKIE_PATH}. */
  String cookiePath() default "/";

  /**
   * {@code Domain} attribute of the token cookie; empty for none (host-only cookie). A host name or IPv4 address alone,
   * of the form {@link #COOKIE_DOMAIN}: browsers drop a cookie whose domain has a port, a scheme or a trailing dot.
   */
  String cookieDomain() default "";

  /** Whether the token cookie carries {@code Secure}. Turn it on for anything served over HTTPS. */
  boolean cookieSecure() default false;

  /** {@code SameSite} attribute of the token cookie. */
  SameSite cookieSameSite() default SameSite.LAX;

  /** OpenAPI security scheme name. */
  String schemeName() default "BearerToken";

  /** OpenAPI security scheme description; empty for a generated one. */
  String description() default "";

  /**
   * Path at which the generated feature serves the OpenAPI 3.1 document of this configuration (its security scheme and
   * every operation the processor saw), for example {@code "/schema/openapi.json"}; empty to serve none. The same
   * document is written to {@code META-INF/jwtsecured/<configuration class>.openapi.json} and {@code .yaml}. A resource
   * of this configuration that also answers {@code GET} there, or another configuration's document there under the
   * same {@code Application} class, is a compile error.
   */
  String openApiPath() default "";

  /** {@code info.title} of the OpenAPI document. */
  String openApiTitle() default "API";

  /** {@code info.version} of the OpenAPI document. */
  String openApiVersion() default "1.0.0";

  /** OAuth2 scopes that the token endpoint may grant, each a scope token ({@link #SCOPE_TOKEN}). */
  String[] scopes() default {};

  /**
   * How many verified tokens to remember, by their exact text, so that a reused token skips parsing and the signature
   * check (its expiry, the user retriever and the revocation check still run on every request); a token is remembered
   * from its second use on. 0 turns the cache off. A changed secret starts with an empty cache. At most
   * {@value #MAX_CACHE_SIZE}: the cache's tables (about 10 bytes per entry) are allocated up front.
   */
  int cacheSize() default 10_000;

  /** The largest {@link #cacheSize()}. */
  int MAX_CACHE_SIZE = 1_000_000;

  /**
   * The longest token accepted, in characters ({@value #MIN_TOKEN_LENGTH} to {@value #MAX_TOKEN_LENGTH}): a longer
   * one gets 401 {@code invalid_token} before it is decoded. The default, 8 KiB, holds tokens with dozens of roles.
   * Raise it for an identity provider whose tokens name many groups (Microsoft Entra ID puts up to 200 group ids in a
   * token, about 11 KiB), together with the request header limit of your server, which is often 8 KiB. A token this
   * configuration would issue over it is not issued: the login answers 500 and the cause is logged.
   */
  int maxTokenLength() default 8 * 1024;

  /** The smallest {@link #maxTokenLength()}. */
  int MIN_TOKEN_LENGTH = 1024;

  /** The largest {@link #maxTokenLength()}. */
  int MAX_TOKEN_LENGTH = 64 * 1024;

  /**
   * The longest {@link #expiration()} and {@link #refreshExpiration()}, an ISO-8601 duration: ten years. Longer ones
   * made tokens dated past year 9999, which the token reader refuses, or a login that failed on the arithmetic. The
   * processor and the runtime both use this one definition.
   */
  String MAX_LIFETIME = "P3650D";

  /**
   * The largest {@link #leeway()}, an ISO-8601 duration: five minutes. RFC 7519 sections 4.1.4 and 4.1.5 allow "a
   * small leeway, usually no more than a few minutes"; a larger one keeps expired tokens alive. The processor and the
   * runtime both use this one definition.
   */
  String MAX_LEEWAY = "PT5M";

  /**
   * The largest {@link #jwksMinRefresh()}, an ISO-8601 duration: one day, so that a key the provider adds is found
   * within a day; a much larger one failed every request with an unknown {@code kid}. The processor and the runtime
   * both use this one definition.
   */
  String MAX_JWKS_MIN_REFRESH = "P1D";

  /**
   * The form of a {@link #secret()} placeholder, as a regular expression: {@code ${NAME}} or {@code ${NAME:fallback}};
   * group 1 is the name, group 2 the fallback. The processor and the runtime both use this one definition.
   */
  String SECRET_PLACEHOLDER = "\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::(.*))?}";

  /**
   * The characters {@link #realm()}, {@link #cookiePath()} and {@link #cookieDomain()} may use, as a regular
   * expression: printable ASCII without {@code "}, {@code \\}, {@code ,} and {@code ;}, which would end an RFC 6750
   * quoted string or an RFC 6265 cookie attribute. The processor and the runtime both use this one definition.
   */
  String TEXT_CHARACTERS = "[\\x20\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*";

  /**
   * The form of {@link #authHeader()}, {@link #clientAddressHeader()} and {@link #cookieName()}, as a regular
   * expression: an RFC 9110 token, that is letters, digits and {@code !#$%&'*+.^_`|~-}. The processor and the runtime
   * both use this one definition.
   */
  String TOKEN_CHARACTERS = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

  /**
   * A cookie name prefix browsers honour only on a cookie with {@code Secure}, {@code Path=/} and no {@code Domain}
   * (RFC 6265bis section 4.1.3.2; compared without regard to case); they drop any other such cookie.
   */
  String HOST_COOKIE_PREFIX = "__Host-";

  /** A cookie name prefix browsers honour only on a cookie with {@code Secure} (RFC 6265bis section 4.1.3.1). */
  String SECURE_COOKIE_PREFIX = "__Secure-";

  /**
   * What the refresh cookie's name adds to {@link #cookieName()}: {@code token_refresh}. Its path is the token
   * endpoint's, so a {@link #HOST_COOKIE_PREFIX} name takes {@link #SECURE_COOKIE_PREFIX} instead:
   * {@code __Host-token} gives {@code __Secure-token_refresh}. The processor and the runtime both use this rule.
   */
  String REFRESH_COOKIE_SUFFIX = "_refresh";

  /**
   * The form of each of {@link #scopes()}, as a regular expression: an RFC 6749 section 3.3 scope token, printable
   * ASCII without space, {@code "} and {@code \\} (tokens carry their scopes space-separated). The processor and the
   * runtime both use this one definition.
   */
  String SCOPE_TOKEN = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+";

  /**
   * One name of a {@link #CLAIM_PATH} with quotes, as a regular expression: letters, digits and {@code _:/-} without
   * {@code ://}, or any text between double quotes but {@code "}, {@code \} and control characters, with no white
   * space at either end.
   */
  String CLAIM_PATH_NAME = "(?:(?:[A-Za-z0-9_/-]|:(?!//))+"
      + "|\"[^\"\\\\\\p{Cntrl}\\p{Cs}\\p{javaWhitespace}](?:[^\"\\\\\\p{Cntrl}\\p{Cs}]*"
      + "[^\"\\\\\\p{Cntrl}\\p{Cs}\\p{javaWhitespace}])?\")";

  /**
   * The form of {@link #rolesClaim()}, as a regular expression: a claim name of letters, digits and {@code _:/-}, or
   * such names joined by {@code .} for a nested claim; a name with other characters (a {@code .}, a space, letters
   * beyond ASCII) between double quotes, holding any but {@code "}, {@code \} and control characters, with no white
   * space at either end, which jjwt would trim ({@code resource_access."com.example.shop".roles}). A path without
   * quotes holding {@code ://} is one name, a URI; in a path with quotes, a URI is quoted too ({@code
   * "https://shop.example.com/app_metadata".roles}). The processor and the runtime both use this one definition.
   */
  String CLAIM_PATH = "[A-Za-z0-9_:/-]+(\\.[A-Za-z0-9_:/-]+)*"
      + "|" + CLAIM_PATH_NAME + "(?:\\." + CLAIM_PATH_NAME + ")*";

  /**
   * The {@link #rolesClaim()} values a configuration with a {@link #privateKey()} cannot write roles at, as a regular
   * expression: a claim its tokens carry for another purpose ({@code sub}, {@code iss}, {@code aud}, {@code exp},
   * {@code nbf}, {@code iat}, {@code jti}, {@code sid}, {@code scope}, {@code extras}), quoted or not, or a path
   * through one; its second group is the claim's name. The roles would take that claim's place (a login failing, or a
   * token its own configuration refuses) or lose theirs. The processor and the runtime both use this one definition.
   */
  String CLAIM_PATH_TAKEN = "(\"?)(sub|iss|aud|exp|nbf|iat|jti|sid|scope|extras)\\1(\\..*)?";

  /**
   * The most names a {@link #rolesClaim()} path may have: a token nests at most 32 levels deep, its claims, the
   * objects on the path and the roles' array, as the strict reader reads and the writer writes it, so roles further
   * down could never be read, nor a private key's tokens written. The processor and the runtime both use this bound.
   */
  int MAX_CLAIM_PATH_NAMES = 31;

  /**
   * A {@link #rolesClaim()} that names a claim RFC 7519 makes a number, a NumericDate ({@code exp}, {@code nbf},
   * {@code iat}), or a path through one, as a regular expression: roles are never there, and a token carrying them
   * there is refused for its wrong type, so a verifier of an identity provider's tokens with it would refuse every
   * token with roles. The processor and the runtime both use this one definition.
   */
  String CLAIM_PATH_NUMERIC_DATE = "(\"?)(exp|nbf|iat)\\1(\\..*)?";

  /**
   * The form of each of {@link #issuer()}, {@link #acceptedIssuers()} and {@link #audience()}, as a regular expression:
   * text without control characters or half a surrogate pair, and without white space at either end. A token carries
   * its {@code iss} and {@code aud} as written, and they are compared as written: {@code " api"} or {@code
   * "https://idp.example\r"} (a value read from a file with its line end) matched no token, and an empty or blank
   * value no token a reader accepts. The processor and the runtime both use this one definition.
   */
  String CLAIM_TEXT = "[^\\p{Cntrl}\\p{Cs}\\p{javaWhitespace}]"
      + "(?:[^\\p{Cntrl}\\p{Cs}]*[^\\p{Cntrl}\\p{Cs}\\p{javaWhitespace}])?";

  /**
   * The form of {@link #cookiePath()}, as a regular expression: a path starting with {@code /}, of printable ASCII
   * without space, {@code "}, {@code \}, {@code ;} and {@code ,}. A browser takes a {@code Path} that does not start
   * with {@code /} as none, keeping the cookie under the login's own directory: Chromium 156, given {@code Path=app} by
   * {@code /auth/login}, did not send the cookie to {@code /api/x}. The processor and the runtime both use this one
   * definition.
   */
  String COOKIE_PATH = "/[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*";

  /**
   * The form of {@link #cookieDomain()}, as a regular expression: a host name or IPv4 address alone, labels of
   * letters, digits, {@code _} and inner {@code -} joined by {@code .}, a leading {@code .} allowed (browsers ignore
   * it). Chromium 156 dropped, without a word, a cookie set with {@code Domain=localhost:8099},
   * {@code Domain=http://localhost} or {@code Domain=localhost.} by {@code localhost:8099}, so that a cookie login
   * answered 200 and every later request 401. The processor and the runtime both use this one definition.
   */
  String COOKIE_DOMAIN = "\\.?[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?"
      + "(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*";

  /**
   * {@code "**"}: in {@code @RolesAllowed}, any authenticated user, as Jakarta Servlet and Enterprise Beans define
   * it: a valid token admits, whatever its roles, and {@code isUserInRole("**")} is whether the request carries one.
   * It names no role, so it cannot be one of {@link #roles()}. The processor and the runtime both use this one
   * definition.
   */
  String ANY_AUTHENTICATED_USER = "**";

  /**
   * The roles the application uses; when not empty, every role named by {@code @RolesAllowed} on a resource this
   * configuration secures must be one of them (a compile error otherwise), which catches typos such as
   * {@code "admn"}. {@link #ANY_AUTHENTICATED_USER} needs no declaration, and is no role to declare.
   */
  String[] roles() default {};

  /**
   * Packages whose JAX-RS resources this configuration secures, each by its qualified name, with their subpackages;
   * empty means the configuration class's own package and its subpackages. The sub-resources that their locators
   * return belong to this configuration too. Several configurations may coexist in one application as long as their
   * packages do not overlap: each one's filter runs only on its own resource methods. A root resource compiled with
   * configurations none of which secures it is a warning: its methods would be unseen (see {@link UnseenMethods}).
   */
  String[] basePackages() default {};

  /**
   * Root resource classes compiled elsewhere, in another module or jar, that this configuration secures besides those
   * of its packages. The processor reads their JAX-RS and JSR-250 annotations from their class files, as it reads
   * sources: their {@code @RolesAllowed} is enforced, the route report and OpenAPI document list them, and
   * {@code exclude} applies to them. Without this, such classes are unseen: they need a valid token, and their JSR-250
   * annotations are not applied. Each must be a concrete {@code @Path} class visible from this configuration's package;
   * list root resources only (the sub-resources their locators return come with them).
   */
  Class<?>[] resources() default {};

  /**
   * The {@code @ApplicationPath} under which the resources are served, for the OpenAPI document's paths and
   * {@code tokenUrl}; {@code "/"} for none. Empty (the default) means: the {@code @ApplicationPath} of the
   * {@code Application} class in this configuration's packages or their parent packages, else the only one in the
   * compilation (several with different paths are a compile error). {@link #exclude()} and {@link #tokenUrl()} are
   * always relative to it.
   */
  String applicationPath() default "";

  /**
   * The largest body the generated token endpoint reads, in bytes (256 to 1 MiB). A request that declares a larger
   * {@code Content-Length}, or whose body turns out larger, gets 413 before it is read whole.
   */
  int maxTokenRequestBytes() default 64 * 1024;

  /**
   * The request header that holds the client's address for the token endpoint's login throttle, for example
   * {@code "X-Forwarded-For"} set by your front proxy (its last entry is taken). JAX-RS gives applications no portable
   * way to read the TCP peer, so without it guesses are throttled per user name only. Name only a header that your
   * proxy or server always sets, replacing what the client sent.
   */
  String clientAddressHeader() default "";

  /**
   * What resource methods the processor did not see require (classes from other jars or outside every configuration's
   * packages, resources generated after the configuration): a valid token (the default) or nothing but a 403. Either
   * way the feature logs each of them once.
   */
  UnseenMethods unseenMethods() default UnseenMethods.REQUIRE_TOKEN;
}
