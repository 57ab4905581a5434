package dev.jwtsecured.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.lang.model.SourceVersion;

/**
 * A processor a test runs beside jwtsecured's, called in every round (it claims {@code *}) of any source version: to
 * generate a source late, as another processor might, or to look at what was generated.
 */
abstract class EveryRoundProcessor extends AbstractProcessor {
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }
}
