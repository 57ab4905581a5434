package dev.jwtsecured.runtime.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks each class the processor generates, nested ones included, in its class file, where
 * {@code javax.annotation.processing.Generated} is not kept. Coverage tools read it: JaCoCo leaves out of its reports
 * every class that bears a class-retained annotation whose simple name contains "Generated", so the library's code
 * does not count against the application's coverage (its behaviour is tested by the library).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GeneratedCode {}
