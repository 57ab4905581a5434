package dev.jwtsecured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link JwtSecured} class that returns where its refresh tokens live, with
 * {@code refreshStorage = RefreshStorage.PROVIDED}: for example {@code new JdbcRefreshTokenStore(dataSource)} on the
 * database every instance of the application shares. The generated feature calls it once, when it is created; a
 * {@code null} store stops start-up there with an {@code IllegalStateException} naming the method, rather than leave
 * refresh tokens in one instance's memory.
 *
 * <p>Rules the processor enforces, each a compiler error on this method:
 *
 * <ul>
 *   <li>It is declared by the {@code @JwtSecured} class itself (not a superclass, nested class or helper class);
 *       anywhere else nothing would call it, so it is an error there.
 *   <li>At most one per class, and only with {@code refreshStorage = RefreshStorage.PROVIDED}; not {@code private},
 *       not generic, no checked exceptions; may be {@code static}.
 *   <li>No parameters; returns {@code dev.jwtsecured.runtime.RefreshTokenStore} or a subtype.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RefreshStore {}
