package dev.jwtsecured.it.routes.users;

import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An HTTP method of the application's own, as caches' {@code PURGE} is: JAX-RS serves any {@code @HttpMethod}. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@HttpMethod("PURGE")
public @interface Purge {}
