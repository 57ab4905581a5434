package dev.jwtsecured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an optional method of a {@link JwtSecured} class that tells whether a verified token has been revoked (the seed
 * framework's {@code revoked_token_handler}). It runs on every authenticated request, after the user retriever.
 *
 * <p>Rules the processor enforces, each a compiler error on this method:
 *
 * <ul>
 *   <li>It is declared by the {@code @JwtSecured} class itself (not a superclass, nested class or helper class);
 *       anywhere else nothing would call it, so it is an error there.
 *   <li>At most one per class; not {@code private}, not abstract; may be {@code static}.
 *   <li>First parameter {@code dev.jwtsecured.runtime.Token}, optional second parameter
 *       {@code jakarta.ws.rs.container.ContainerRequestContext}.
 *   <li>Returns {@code boolean}: {@code true} means revoked, and the request gets a 401.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RevocationCheck {}
