package dev.jwtsecured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link JwtSecured} class that turns a verified token into the application's user (the seed
 * framework's {@code retrieve_user_handler}).
 *
 * <p>Rules the processor enforces, each a compiler error on this method:
 *
 * <ul>
 *   <li>It is declared by the {@code @JwtSecured} class itself (not a superclass, nested class or helper class);
 *       anywhere else nothing would call it, so it is an error there.
 *   <li>A {@code @JwtSecured} class has exactly one {@code @UserRetriever} method.
 *   <li>The method is not {@code private} and not abstract; it may be {@code static}. An instance method is called on
 *       the configuration instance given to the generated feature: {@code new FooJwtFeature(new Foo(...))}, or
 *       {@code new FooJwtFeature()} when {@code Foo} has a non-private no-argument constructor. A class with instance
 *       methods and only {@code private} constructors is an error.
 *   <li>Its first parameter is {@code dev.jwtsecured.runtime.Token}; an optional second parameter is
 *       {@code jakarta.ws.rs.container.ContainerRequestContext}. No other parameters.
 *   <li>It returns the user type {@code U} itself, {@code java.util.Optional<U>},
 *       {@code java.util.concurrent.CompletionStage<U>} or {@code CompletionStage<Optional<U>>}; {@code U} is any
 *       reference type except {@code Object}'s raw wildcards, and not {@code void} or a primitive.
 *   <li>Code in the configuration's package can name {@code U} and its type arguments: not a {@code private} class,
 *       nor a {@code protected} one inherited from another package.
 * </ul>
 *
 * <p>At run time {@code null}, an empty {@code Optional} (also inside a stage) or a stage completed with {@code null}
 * means the token names no known user: the request gets a 401. An exception thrown by the method is not swallowed: it
 * reaches the JAX-RS runtime like any other application exception.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface UserRetriever {}
