package dev.jwtsecured.runtime.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A SpotBugs suppression in generated code, where a finding is the design: SpotBugs takes any annotation of this simple
 * name in the class file as its own {@code edu.umd.cs.findbugs.annotations.SuppressFBWarnings}, so neither the
 * project nor the application depends on a SpotBugs artifact for it. Without it, a build that runs SpotBugs's
 * {@code check} failed on every generated feature (see {@code FooJwtFeature.auth()}).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SuppressFBWarnings {
  /** The bug patterns suppressed. */
  String[] value();

  /** Why the finding is the design. */
  String justification();
}
