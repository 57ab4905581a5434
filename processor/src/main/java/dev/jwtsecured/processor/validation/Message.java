package dev.jwtsecured.processor.validation;

import dev.jwtsecured.JwtSecured;
import java.util.Locale;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor reports, in one place. Each has a stable tag ({@code [JwtSecured.WeakSecret]}) that
 * users can search for and tests import; the text states the rule, the offending value and the fix. It is over 300
 * lines because it is the whole catalogue, each message written out in full.
 */
public enum Message {
  NOT_A_CLASS("JwtSecured.NotAClass",
      "@JwtSecured belongs on a class; %s is %s. Put it on a class, record or enum (top-level or static nested)"),
  CLASS_NOT_ACCESSIBLE("JwtSecured.ClassNotAccessible",
      "A @JwtSecured class must be visible to the code generated in its package; %s is %s. Make it package-private or"
          + " public, and static if nested"),
  CLASS_ABSTRACT("JwtSecured.AbstractClass",
      "A @JwtSecured class must not be abstract, because the generated code may create it; make %s concrete"),
  NO_USER_RETRIEVER("JwtSecured.NoUserRetriever",
      "A @JwtSecured class needs exactly one @UserRetriever method; %s has none. Add one, for example"
          + " 'static Optional<User> user(Token token)'"),
  SEVERAL_USER_RETRIEVERS("JwtSecured.SeveralUserRetrievers",
      "A @JwtSecured class needs exactly one @UserRetriever method; %s has %d (%s). Keep one"),
  SEVERAL_METHODS("JwtSecured.SeveralMethods",
      "A @JwtSecured class has at most one @%s method; %s has %d (%s). Keep one"),
  METHOD_NOT_ACCESSIBLE("JwtSecured.MethodNotAccessible",
      "A @%s method is called by generated code in the same package, so it must not be private; make '%s'"
          + " package-private or public"),
  METHOD_GENERIC("JwtSecured.GenericMethod",
      "A @%s method must not declare type parameters; '%s' declares %s. Use the concrete user type"),
  METHOD_THROWS("JwtSecured.CheckedException",
      "A @%s method is called from a request filter, which cannot throw checked exceptions; '%s' declares '%s'."
          + " Catch it inside the method, or throw an unchecked exception"),
  RETRIEVER_PARAMETERS("UserRetriever.Signature",
      "A @UserRetriever method takes (Token) or (Token, ContainerRequestContext); '%s' takes (%s). Change its"
          + " parameters to one of those"),
  RETRIEVER_RETURN("UserRetriever.ReturnType",
      "A @UserRetriever method returns the user type U, Optional<U> or CompletionStage<U>; '%s' returns '%s'. Return"
          + " the user, or Optional.empty() / null for an unknown user"),
  USER_TYPE_NOT_ACCESSIBLE("UserRetriever.TypeNotAccessible",
      "The user type of '%s' names %s, which is %s: the generated access point in package \"%s\" cannot name it."
          + " Make it %s"),
  USER_TYPE_TYPE_VARIABLE("UserRetriever.TypeVariable",
      "The user type of '%s' names the type variable %s: the generated access point, which has none, cannot name it."
          + " Return a type without type variables (the class %s stands for)"),
  REVOCATION_SIGNATURE("RevocationCheck.Signature",
      "A @RevocationCheck method is 'boolean name(Token)' or 'boolean name(Token, ContainerRequestContext)'; '%s' is"
          + " '%s'. Change it to one of those"),
  AUTHENTICATOR_SIGNATURE("Authenticator.Signature",
      "An @Authenticator method takes (String username, String password[, Set<String> scopes][, HttpHeaders"
          + " headers]) and returns Grant, Optional<Grant>, String or Optional<String>; '%s' is '%s'. Change it to"
          + " match (the token endpoint is a resource, where only HttpHeaders, not ContainerRequestContext, is"
          + " injectable on every JAX-RS runtime)"),
  TOKEN_URL_WITHOUT_AUTHENTICATOR("JwtSecured.TokenUrlWithoutAuthenticator",
      "tokenUrl \"%s\" asks for a generated token endpoint, which checks credentials with an @Authenticator method;"
          + " %s has none. Add one, or remove tokenUrl"),
  TOKEN_URL_INVALID("JwtSecured.InvalidTokenUrl",
      "tokenUrl must be a plain absolute path such as \"/login\" (no query, fragment, template, '..' or '//'); got"
          + " \"%s\""),
  OPENAPI_PATH_INVALID("JwtSecured.InvalidOpenApiPath",
      "openApiPath must be a plain absolute path such as \"/schema/openapi.json\"; got \"%s\""),
  SCHEME_NAME_INVALID("JwtSecured.InvalidSchemeName",
      "schemeName \"%s\" is not a valid OpenAPI component name; use letters, digits, '.', '_' and '-'"),
  CACHE_SIZE_INVALID("JwtSecured.InvalidCacheSize",
      "cacheSize %d is outside 0 to " + JwtSecured.MAX_CACHE_SIZE + "; use 0 to turn the token cache off, or a"
          + " bound such as 10000 (the cache's tables are allocated up front)"),
  TOKEN_LENGTH_LIMIT_INVALID("JwtSecured.InvalidTokenLengthLimit",
      "maxTokenLength %d is outside " + JwtSecured.MIN_TOKEN_LENGTH + " to " + JwtSecured.MAX_TOKEN_LENGTH + "; the"
          + " default, 8192, holds tokens with dozens of roles; raise it for an identity provider whose tokens name"
          + " many groups, together with the server's request header limit"),
  SECRET_EMPTY("JwtSecured.EmptySecret",
      "secret must not be empty; set it to a placeholder such as \"${JWT_SECRET}\" and provide the variable at"
          + " start-up, or verify an identity provider's tokens with jwksUri instead"),
  JWKS_WITH_ISSUING_MEMBER("JwtSecured.JwksWithSecretSettings",
      "%s cannot go with %s: a configuration that verifies an identity provider's tokens issues none, so it has no"
          + " secret, private key, algorithm, expiration or tokenUrl, and one source of keys. Remove %s, or remove %s"
          + " to issue and verify your own tokens"),
  PREVIOUS_SECRET_INVALID("JwtSecured.InvalidPreviousSecret",
      "previousSecrets \"%s\" must be a ${NAME} placeholder, or ${NAME:} for none while NAME is unset: an earlier"
          + " secret comes from the environment like the current one, never from the source, and is removed once the"
          + " tokens it signed have expired"),
  PREVIOUS_SECRET_IS_CURRENT("JwtSecured.PreviousSecretIsCurrent",
      "previousSecrets \"%s\" reads %s, the variable secret reads: it holds the current secret, never an earlier"
          + " one, so once %s is rotated the tokens signed before are refused. Read the earlier secret from a variable"
          + " of its own, such as ${%s_PREVIOUS}"),
  PREVIOUS_SECRET_TWICE("JwtSecured.RepeatedPreviousSecret",
      "previousSecrets \"%s\" reads %s, as an earlier entry does: each earlier secret has a variable of its own."
          + " Remove this entry, or name the variable it was meant to read"),
  PUBLIC_KEY_INVALID("JwtSecured.InvalidPublicKey",
      "publicKey must be a ${NAME} placeholder, \"file:\" and a path, or a PEM public key"
          + " (-----BEGIN PUBLIC KEY-----, RSA, EC or Ed25519)%s"),
  PRIVATE_KEY_WITH_OTHER_KEYS("JwtSecured.PrivateKeyWithOtherKeys",
      "%s cannot go with privateKey: a configuration signs with one key, a secret (HMAC), a private key (ES256 or"
          + " RS256, from the key's type) or none (jwksUri). Remove %s"),
  PRIVATE_KEY_INVALID("JwtSecured.InvalidPrivateKey",
      "privateKey must be a ${NAME} placeholder or \"file:\" and a path to a PEM PKCS#8 key; a key written in the"
          + " source would be in every copy of the code and the build"),
  ROTATION_KEYS_WITHOUT_PRIVATE_KEY("JwtSecured.RotationKeysWithoutPrivateKey",
      "rotationPublicKeys goes only with privateKey: the keys are published beside its public key while it is"
          + " rotated. A secret rotates with previousSecrets; a verifier takes the keys its issuer publishes"),
  ROTATION_KEY_INVALID("JwtSecured.InvalidRotationPublicKey",
      "rotationPublicKeys must be ${NAME} placeholders, \"file:\" and a path, or PEM public keys"
          + " (-----BEGIN PUBLIC KEY-----), each EC P-256 (ES256) or RSA of at least 2048 bits (RS256)%s"),
  JWKS_URI_INVALID("JwtSecured.InvalidJwksUri",
      "jwksUri \"%s\" is not an https URI or a ${NAME} placeholder; plain http is allowed only on a loopback"
          + " address (localhost, 127.0.0.1, [::1]), because keys fetched over plain http can be replaced on the way"),
  KEY_SET_WITHOUT_ISSUER("JwtSecured.KeySetWithoutIssuer", Kind.WARNING,
      "jwksUri \"%s\" without issuer or acceptedIssuers: a token of any issuer these keys sign passes, and one key"
          + " set can sign for many (Microsoft Entra ID's keys sign the tokens of every tenant, an attacker's"
          + " included). Set issuer to the iss of the provider's tokens; if you set it at start-up instead"
          + " (settings().issuer(...)), suppress this warning"),
  KEY_SET_WITHOUT_AUDIENCE("JwtSecured.KeySetWithoutAudience", Kind.WARNING,
      "jwksUri \"%s\" without audience: a token the provider issued for another API, or an ID token of any of its"
          + " clients, passes (RFC 8725 section 3.9). Set audience to the aud the provider writes for this API; for"
          + " access tokens without aud (Amazon Cognito's), check client_id in the user retriever and suppress this"
          + " warning"),
  PUBLIC_KEY_WITHOUT_AUDIENCE("JwtSecured.PublicKeyWithoutAudience", Kind.WARNING,
      "publicKey without audience: if its holder issues tokens for other services too, as an issuer with a private key"
          + " does for any number of them, a token meant for another service passes here (RFC 8725 section 3.9). Set"
          + " audience to the aud the issuer writes for this API (an issuer configured here writes its audience);"
          + " if its tokens are for this API alone, suppress this warning"),
  PUBLIC_KEY_FITS_NO_ALGORITHM("JwtSecured.PublicKeyFitsNoAlgorithm",
      "publicKey %s: every token would be refused (401). Set keyAlgorithms to what the issuer signs with"),
  KEY_ALGORITHM_UNKNOWN("JwtSecured.UnknownKeyAlgorithm",
      "keyAlgorithms \"%s\" is not accepted with keys from a JWKS; use RS256, RS384, RS512, PS256, PS384, PS512,"
          + " ES256, ES384, ES512 or EdDSA (HMAC and none never go with public keys)"),
  COOKIE_PATH_INVALID("JwtSecured.InvalidCookiePath",
      "cookiePath \"%s\" is not a cookie path: write one starting with '/', of printable ASCII without space, '\"',"
          + " '\\', ';' and ',' (a browser takes a path not starting with '/' as none, keeping the cookie under the"
          + " login's directory)"),
  COOKIE_DOMAIN_INVALID("JwtSecured.InvalidCookieDomain",
      "cookieDomain \"%s\" is not a domain browsers keep a cookie for: write the host name alone, such as"
          + " \"example.com\", without a scheme, port, path or trailing dot (browsers drop such a cookie without a"
          + " word, and every request after the login is refused)"),
  CLAIM_TEXT_INVALID("JwtSecured.InvalidClaimText",
      "%s \"%s\" is not a value a token can carry as written: write it without white space at either end and"
          + " without control characters (tokens carry iss and aud as written, and they are compared as written)"),
  ROLES_CLAIM_INVALID("JwtSecured.InvalidRolesClaim",
      "rolesClaim \"%s\" %s"),
  SECRET_LITERAL("JwtSecured.LiteralSecret", Kind.WARNING,
      "secret is a literal, so it ends up in the class files and version control; use a placeholder such as"
          + " \"${JWT_SECRET}\" and provide the value at start-up"),
  SECRET_TOO_SHORT("JwtSecured.WeakSecret",
      "secret has %d bytes but %s needs at least %d (RFC 7518 section 3.2); use a placeholder such as"
          + " \"${JWT_SECRET}\" with a long random value"),
  SECRET_WELL_KNOWN("JwtSecured.WellKnownSecret",
      "secret \"%s\" is a well-known example value that attackers try first; use a placeholder such as"
          + " \"${JWT_SECRET}\" with a long random value"),
  ALGORITHM_UNKNOWN("JwtSecured.UnknownAlgorithm",
      "algorithm \"%s\" is not supported; use \"HS256\", \"HS384\" or \"HS512\""),
  EXCLUDE_INVALID_REGEX("JwtSecured.InvalidExclude",
      "exclude \"%s\" is not a valid regular expression: %s. Fix the pattern (exclude entries are Java regular"
          + " expressions that must match the whole path)"),
  EXCLUDE_METHOD_INVALID("JwtSecured.InvalidExcludeMethod",
      "excludeMethods \"%s\" is not an HTTP method; use upper-case method names such as \"OPTIONS\""),
  RULE_ON_EXCLUDED_METHOD("JwtSecured.RuleOnExcludedMethod", Kind.WARNING,
      "%s on %s is never applied: excludeMethods has %s, so its requests skip authentication. Remove the method from"
          + " excludeMethods, or the annotation"),
  DURATION_INVALID("JwtSecured.InvalidDuration",
      "%s \"%s\" is not a valid ISO-8601 duration%s; write it like \"PT24H\" or \"PT30S\""),
  HEADER_NAME_INVALID("JwtSecured.InvalidHeaderName",
      "\"%s\" is not a valid HTTP header name; use letters, digits and '-' such as \"Authorization\""),
  HEADER_NAME_RESERVED("JwtSecured.ReservedHeaderName",
      "authHeader \"%s\" names %s, which %s act on: a token there never reaches the filter as sent, or breaks the"
          + " request, and the login's response would carry it there too. Use \"Authorization\", or a header of"
          + " your own such as \"X-Auth-Token\""),
  ISSUED_TOKENS_REFUSED("JwtSecured.IssuedTokensRefused",
      "acceptedIssuers without issuer: the tokens this configuration issues %s carry no iss, and with"
          + " acceptedIssuers a token must carry one of them, so each would be refused (401). Set issuer, the iss its"
          + " tokens carry (it is accepted too), for example issuer = \"%s\""),
  LOGIN_TOKENS_REFUSED("JwtSecured.LoginTokensRefused", Kind.WARNING,
      "acceptedIssuers without issuer: a token must carry one of them, and the tokens a login issues (%sJwt.login)"
          + " carry no iss, so they would be refused (401). Set issuer, the iss its tokens carry (it is accepted"
          + " too); where this configuration only verifies tokens another service signs with the same secret,"
          + " suppress this warning with @SuppressWarnings(\"JwtSecured.LoginTokensRefused\")"),
  TOKEN_REQUEST_LIMIT_INVALID("JwtSecured.InvalidTokenRequestLimit",
      "maxTokenRequestBytes %d is outside 256 to 1048576; a password grant fits in a few hundred bytes, so keep it"
          + " small, such as 65536"),
  QUOTED_TEXT_INVALID("JwtSecured.InvalidText",
      "%s \"%s\" contains characters that cannot appear in %s; use printable ASCII without '\"', '\\\\', ';' and"
          + " ','"),
  TYPE_NEVER_GENERATED("JwtSecured.MissingType",
      "The user type of @UserRetriever method '%s' does not exist, and no annotation processor generated it; check"
          + " its name and imports"),
  RESOURCE_TYPE_NEVER_GENERATED("JwtSecured.MissingResourceType",
      "%s names %s, which does not exist, and no annotation processor generated it; jwtsecured cannot bind"
          + " the rules of a resource method it cannot name or whose annotations it cannot see. Check its name and"
          + " imports"),
  RESOURCE_AFTER_CONFIGURATION("JwtSecured.ResourceAfterConfiguration", Kind.WARNING,
      "Resource %s was generated by another annotation processor after configuration %s was written; its methods"
          + " are unseen at run time: they need a valid token, and their JSR-250 annotations are not applied"
          + " (unseenMethods = UnseenMethods.DENY refuses them instead)"),
  TOKEN_URL_COLLIDES("JwtSecured.TokenUrlCollides",
      "tokenUrl \"%s\" is also the path of %s; JAX-RS would see two resources for one path. Choose another tokenUrl"
          + " or move the resource"),
  GENERATED_PATH_COLLIDES("JwtSecured.GeneratedPathCollides",
      "The generated %s is served at \"%s\", which %s also answers with %s; JAX-RS would see two resources for one"
          + " request. %s"),
  COOKIE_SHARED("JwtSecured.CookieShared",
      "cookieName \"%s\" at path \"%s\" is also the token cookie of %s at \"%s\", which the same application"
          + " serves: a browser keeps one cookie of a name per path, so a login to either ends the other's, and a"
          + " request both cookies reach is refused as carrying two tokens. Give each configuration its own"
          + " cookieName"),
  SECRET_SHARED("JwtSecured.SecretShared", Kind.WARNING,
      "secret \"%s\" is also a secret of %s, which the same application serves, and nothing in their tokens tells"
          + " them apart: a token %s issues passes %s checks, and %s user retriever takes its subject for one of its"
          + " own users (RFC 8725 section 2.8). Give each configuration its own secret, or"
          + " each its own audience; where one login is meant for both, suppress this warning with"
          + " @SuppressWarnings(\"JwtSecured.SecretShared\")"),
  EXCLUDE_MATCHES_NO_ROUTE("JwtSecured.ExcludeMatchesNoRoute", Kind.WARNING,
      "exclude \"%s\" matches no route the processor saw (patterns must match the whole path); the closest route is"
          + " %s. Fix the pattern, or remove it"),
  EXCLUDE_MATCHES_EVERYTHING("JwtSecured.ExcludeMatchesEverything", Kind.WARNING,
      "exclude \"%s\" matches every path, so no request is authenticated; narrow the pattern, or use @PermitAll on"
          + " the resources meant to be public"),
  PERMIT_ALL_IN_EXCLUDED_PATH("JwtSecured.PermitAllInExcludedPath", Kind.WARNING,
      "@PermitAll on %s has no effect: an exclude pattern already covers its path. Keep one of the two"),
  ROLES_ON_EXCLUDED_PATH("JwtSecured.RolesOnExcludedPath", Kind.WARNING,
      "@RolesAllowed(%s) on %s is never checked: an exclude pattern covers its path, so requests skip authentication."
          + " Narrow the pattern, or remove the annotation"),
  JAVAX_SECURITY_ANNOTATION("JwtSecured.JavaxSecurityAnnotation",
      "@%s on %s is Java EE's annotation, which no Jakarta REST runtime reads, nor jwtsecured: the rule it states"
          + " would not apply. Import jakarta.annotation.security.%s instead"),
  SECURITY_META_ANNOTATION("JwtSecured.SecurityMetaAnnotation",
      "@%s on %s carries %s on its declaration, which no Jakarta REST runtime reads through another annotation, nor"
          + " jwtsecured: the rule it states would not apply. Write it on %s itself"),
  SUPERCLASS_RULE_NOT_INHERITED("JwtSecured.SuperclassRuleNotInherited", Kind.WARNING,
      "%s on %s does not reach %s of %s: a class-level JSR-250 annotation governs the methods its class declares, and"
          + " no subclass inherits it, so this one needs only a valid token. Write the rule on %s or the method"
          + " (@RolesAllowed(\"**\") for any valid token)"),
  ANY_AUTHENTICATED_USER_DECLARED("JwtSecured.AnyAuthenticatedUserDeclared",
      "roles has \"**\", which names no role: in @RolesAllowed it stands for any authenticated user, as in Jakarta"
          + " Servlet, and needs no declaration. Remove it"),
  UNDECLARED_ROLE("JwtSecured.UndeclaredRole",
      "@RolesAllowed role \"%s\" is not in the roles declared by @JwtSecured(roles = {%s}); fix the name or declare"
          + " it"),
  OVERRIDE_INHERITS_NO_JAXRS("JwtSecured.OverrideInheritsNoJaxRs", Kind.WARNING,
      "%s.%s overrides %s.%s and has JAX-RS annotations of its own (on itself or a parameter) but no HTTP method"
          + " or @Path: by JAX-RS 3.6 it then inherits none of the overridden method's, so Jersey and Apache CXF do"
          + " not serve it (a request for it gets 404 or 405, or another method), where RESTEasy serves it as the"
          + " overridden method. Repeat the HTTP method, @Path, @Produces and @Consumes on it, or annotate neither it"
          + " nor its parameters"),
  OVERLAPPING_CONFIGURATIONS("JwtSecured.OverlappingConfigurations",
      "@JwtSecured classes %s and %s both secure the resources of package \"%s\"; a resource must have one"
          + " configuration. Set basePackages so that their packages do not overlap"),
  EXCLUDE_SHADOWED_BY_TEMPLATE("JwtSecured.ExcludeShadowedByTemplate",
      "exclude \"%s\" matches no operation's template, but JAX-RS dispatches that path to %s (%s), which needs a"
          + " token; the exclusion would never apply and the path stays protected. Give \"%1$s\" its own resource"
          + " method, or make the operation public with @PermitAll"),
  SHARED_RESOURCE_METHOD("JwtSecured.SharedResourceMethod", Kind.WARNING,
      "Resource method %s is reached at %s; JAX-RS binds one filter per resource method, not per path, so every one"
          + " of these paths requires all their rules: %s. Give each locator its own sub-resource class to keep the"
          + " rules apart"),
  LOCATOR_BEFORE_AUTHENTICATION("JwtSecured.LocatorBeforeAuthentication", Kind.WARNING,
      "The sub-resource locator at \"%s\" leads to public and protected operations, so it runs before"
          + " authentication for every caller; keep user code in it free of side effects and of answers that differ"
          + " by existence (404 before 401), or move the public operations to their own resource"),
  GUARD_BEFORE_UNKNOWN_ROOT("JwtSecured.GuardBeforeUnknownRoot", Kind.WARNING,
      "The guard of the locator at \"%s\" asks this configuration's token of every request that may reach it, %s"
          + " of %s among them, which JAX-RS may match first; its class's template \"%s\" has a parameter that may"
          + " take several segments, so which requests that class takes is not known here, and the guard may refuse"
          + " the other's callers there. Give the parameter a pattern within one segment (such as {id} or"
          + " {id: [0-9]+}), or move one of the two resources to a path of its own"),
  TWIN_LOCATORS("JwtSecured.TwinLocators", Kind.WARNING,
      "The sub-resource locators %s and %s of %s share the template \"%s\":"
          + " JAX-RS may take a request there to either"
          + " (Jersey answers 500, RESTEasy takes one or the other from one run to the next),"
          + " and each leads to methods of their own rules."
          + " Give each its own path"),
  LOCATOR_RETURNS_ABSTRACT_TYPE("JwtSecured.LocatorReturnsAbstractType", Kind.WARNING,
      "The sub-resource locator at \"%s\" declares %s; JAX-RS reports the returned object's class, so its rules bind"
          + " to every implementation, whose own JSR-250 annotations are not read. Declare the class it returns, or"
          + " seal the type"),
  TOO_MANY_LOCATOR_PATHS("JwtSecured.TooManyLocatorPaths",
      "The configuration's resources lead to more than %s operations and locators, this locator at \"%s\" among"
          + " them: locators that lead to one another's classes reach each class along every order of them, and the"
          + " rules of every path bind. Let fewer locators return a class that leads back to theirs (give such a"
          + " locator a sub-resource class of its own)"),
  SCOPE_INVALID("JwtSecured.InvalidScope",
      "scope \"%s\" is not an RFC 6749 scope token (printable ASCII without space, '\"' and '\\'): tokens carry"
          + " their scopes space-separated. Write one scope per array element"),
  SCOPE_IS_ROLE("JwtSecured.ScopeIsRole",
      "scope \"%s\" is also a role (declared in roles or required by @RolesAllowed); a client could request the"
          + " scope and pass for the role. Rename the scope, for example \"%1$s:read\""),
  COOKIE_PREFIX_RULES_UNMET("JwtSecured.CookiePrefixRulesUnmet",
      "cookieName \"%s\" starts with %s, which browsers honour only on a cookie with %s: they drop this one, and"
          + " every login would seem to work while no request carried the token. Set %s"),
  SAME_SITE_NONE_WITHOUT_SECURE("JwtSecured.SameSiteNoneWithoutSecure",
      "cookieSameSite = NONE needs cookieSecure = true: browsers drop SameSite=None cookies without Secure. Set"
          + " cookieSecure = true, or use LAX or STRICT"),
  NO_CALLABLE_CONSTRUCTOR("JwtSecured.NoCallableConstructor",
      "%s has instance @UserRetriever, @Authenticator, @RevocationCheck or @RefreshStore methods, but only private"
          + " constructors and no static field or method that gives an instance of it, so neither the generated feature"
          + " nor the application can get one. Add a non-private constructor or a singleton's static INSTANCE field, or"
          + " make the methods static"),
  SECRET_WELL_KNOWN_FALLBACK("JwtSecured.WellKnownSecretFallback",
      "the fallback \"%s\" of secret placeholder ${%s:...} is a well-known example value that attackers try first,"
          + " and it is used whenever the variable is unset; remove the fallback (start-up then fails without the"
          + " variable) or make it a long random value"),
  APPLICATION_PATH_AMBIGUOUS("JwtSecured.AmbiguousApplicationPath",
      "The compilation has @ApplicationPath classes with different paths (%s), and the processor cannot tell which"
          + " application serves this configuration's resources; set applicationPath, for example"
          + " applicationPath = \"%s\""),
  APPLICATION_PATH_INVALID("JwtSecured.InvalidApplicationPath",
      "applicationPath must be a plain absolute path such as \"/api\", or \"/\" for none; got \"%s\""),
  BASE_PACKAGE_INVALID("JwtSecured.InvalidBasePackage",
      "basePackages entry \"%s\" is not a package name; write the qualified name of a package, such as"
          + " \"com.example.api\" (its subpackages come with it)"),
  RESOURCE_OUTSIDE_CONFIGURATIONS("JwtSecured.ResourceOutsideConfigurations", Kind.WARNING,
      "Resource %s is in none of the packages of the @JwtSecured configurations compiled with it (%s), and none"
          + " lists it in resources: its methods are unseen at run time, they need a valid token and their JSR-250"
          + " annotations are not applied. Add its package to basePackages, or move the configuration to a parent"
          + " package"),
  NOT_A_ROOT_RESOURCE("JwtSecured.NotARootResource",
      "%s in resources is not a root resource class (a concrete class with @Path); list root resources only, the"
          + " sub-resources their locators return come with them"),
  RESOURCE_IN_TWO_CONFIGURATIONS("JwtSecured.ResourceInTwoConfigurations",
      "Resource class %s is secured by both @JwtSecured classes %s and %s; a resource must have one configuration:"
          + " JAX-RS would run the filters of both on its methods, and no token passes both"),
  RESOURCE_ALSO_BEHIND_LOCATOR("JwtSecured.ResourceAlsoBehindLocator", Kind.WARNING,
      "Resource method %s (%s) implements a method of %s, declared by the locator at %s (%s): if the locator returns"
          + " this class, its own, more open rule applies there too. Return another class, or give both one rule"),
  RESOURCE_NOT_ACCESSIBLE("JwtSecured.ResourceNotAccessible",
      "Resource class %s is not visible from package \"%s\", where the generated code binds each resource method to"
          + " its policy by the class; make it (and the classes enclosing it) public"),
  REFRESH_WITHOUT_TOKEN_ENDPOINT("JwtSecured.RefreshWithoutTokenEndpoint",
      "refreshExpiration \"%s\" turns on refresh tokens, which the generated token endpoint issues; %s has no"
          + " token endpoint (tokenUrl and an @Authenticator method). Add both, or remove refreshExpiration"),
  REFRESH_NOT_LONGER_THAN_TOKEN("JwtSecured.RefreshNotLongerThanToken", Kind.WARNING,
      "refreshExpiration \"%s\" is not longer than expiration \"%s\": each refresh token dies no later than the"
          + " access token issued with it, so a client that refreshes when its access token expires (the usual way)"
          + " always finds the refresh token expired too. Make refreshExpiration longer (days) and expiration short"
          + " (minutes)"),
  REFRESH_HANDLER_TAKES_REQUEST("JwtSecured.RefreshHandlerTakesRequest",
      "With refresh tokens, the token endpoint asks @%s '%s' about each refreshed token outside any request filter,"
          + " where no ContainerRequestContext exists; remove its ContainerRequestContext parameter, or remove"
          + " refreshExpiration"),
  REFRESH_STORAGE_WITHOUT_REFRESH("JwtSecured.RefreshStorageWithoutRefresh",
      "refreshStorage = PROVIDED chooses where refresh tokens live, but refreshExpiration is empty, so there are"
          + " none; set refreshExpiration (such as \"P14D\") or remove refreshStorage"),
  REFRESH_STORE_MISSING("JwtSecured.RefreshStoreMissing",
      "refreshStorage = PROVIDED needs a @RefreshStore method that returns the store; %s has none. Add one, for"
          + " example '@RefreshStore RefreshTokenStore refreshTokens() { return new"
          + " JdbcRefreshTokenStore(dataSource); }',"
          + " or use RefreshStorage.IN_MEMORY for a single instance"),
  REFRESH_STORE_UNUSED("JwtSecured.RefreshStoreUnused",
      "@RefreshStore '%s' is used only with refreshStorage = PROVIDED (and refreshExpiration set); this"
          + " configuration keeps refresh tokens %s. Set refreshStorage = RefreshStorage.PROVIDED (with"
          + " refreshExpiration), or remove the method"),
  REFRESH_STORE_SIGNATURE("RefreshStore.Signature",
      "A @RefreshStore method takes no parameters and returns dev.jwtsecured.runtime.RefreshTokenStore or a"
          + " subtype; '%s' is '%s'. Change it to match"),
  COMPILED_WITHOUT_CONFIGURATION("JwtSecured.CompiledWithoutConfiguration", Kind.WARNING,
      "%s was compiled without its configuration %s (a build of changed files only): the route table of the"
          + " earlier build still applies, not what changed here. Rebuild the module (mvn clean compile, or Rebuild)"),
  EARLIER_CLASS_UNREADABLE("JwtSecured.EarlierClassUnreadable",
      "%s, which an earlier build compiled into this output folder and built %s's outputs from, cannot be read by"
          + " this compilation, so the rules or paths it holds would be lost. Put the output folder on the class path"
          + " (as Maven does), or compile the configuration with its resources"),
  COMPILED_AFTER_CONFIGURATION("JwtSecured.CompiledAfterConfiguration", Kind.WARNING,
      "Resource %s is in package %s, which configuration %s secures, but is compiled after it, apart from it (test"
          + " sources, a module depending on the configuration's): its route table does not hold it, so its methods"
          + " are unseen there, needing a valid token, their JSR-250 annotations not applied. Compile the resource"
          + " with the configuration, or give this compilation a @JwtSecured configuration of its own for it"),
  HANDLER_OUTSIDE_CONFIGURATION("JwtSecured.HandlerOutsideConfiguration",
      "@%s method '%s' is in %s, which has no @JwtSecured, so nothing calls it: only the methods a @JwtSecured class"
          + " declares are used. Move it into the @JwtSecured class it serves"),
  GENERATED_NAME_TAKEN("JwtSecured.GeneratedNameTaken",
      "%s generates %s, but a source of this compilation already declares a type of that name. Rename that type,"
          + " or the configuration class (generated names start with its name)"),
  INTERNAL_ERROR("JwtSecured.InternalError",
      "jwtsecured's processor failed on this class; please report it with this trace: %s");

  private final String tag;
  private final Kind kind;
  private final String format;

  Message(String tag, String format) {
    this(tag, Kind.ERROR, format);
  }

  Message(String tag, Kind kind, String format) {
    this.tag = tag;
    this.kind = kind;
    this.format = format;
  }

  /** A formatted message: the text a user reads, and which message it is. */
  public record Text(Message message, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** Whether it is reported as an error or a warning. */
  public Kind kind() {
    return kind;
  }

  /** The stable tag, without brackets. */
  public String tag() {
    return tag;
  }

  /** An element's kind as a message names it: "an interface", "a record", "an annotation type". */
  public static String kind(ElementKind kind) {
    String name = kind.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  /** The full message: {@code [Tag] text}. */
  public Text format(Object... args) {
    return new Text(this, "[" + tag + "] " + String.format(Locale.ROOT, format, args));
  }
}
