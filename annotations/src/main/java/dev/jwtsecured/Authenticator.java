package dev.jwtsecured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link JwtSecured} class that checks a user name and password for the generated token endpoint
 * at {@link JwtSecured#tokenUrl()} (OAuth2 password grant, RFC 6749 section 4.3).
 *
 * <p>Rules the processor enforces, each a compiler error on this method (or on {@code tokenUrl}):
 *
 * <ul>
 *   <li>It is declared by the {@code @JwtSecured} class itself (not a superclass, nested class or helper class);
 *       anywhere else nothing would call it, so it is an error there.
 *   <li>Required when {@code tokenUrl} is set; at most one per class.
 *   <li>Not {@code private}, not abstract; may be {@code static}.
 *   <li>Parameters: {@code String username, String password}, optionally followed by
 *       {@code java.util.Set<String> requestedScopes}, optionally followed by
 *       {@code jakarta.ws.rs.core.HttpHeaders} (the token endpoint is a resource, and resources on every JAX-RS runtime
 *       can be given the request's headers, not its {@code ContainerRequestContext}).
 *   <li>Returns {@code dev.jwtsecured.runtime.Grant}, {@code Optional<Grant>}, {@code String} (the subject) or
 *       {@code Optional<String>}; {@code null} or empty means bad credentials.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Authenticator {}
