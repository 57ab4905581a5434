package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Diagnostic;
import dev.jwtsecured.processor.validation.Message;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic.Kind;

/**
 * What both processors share: the latest source version, and {@link #report} for their {@link Diagnostic}s: warnings
 * turned off by {@code @SuppressWarnings} are dropped, those {@code -Ajwtsecured.warningsAsErrors} names become errors,
 * and under the Eclipse compiler a message about one element of an array member goes to the member.
 */
abstract class ReportingProcessor extends AbstractProcessor {
  /**
   * Whether the compiler is the Eclipse compiler (the Eclipse IDE, {@code plexus-compiler-eclipse}), which places a
   * message at an annotation value only when that value is a whole member: one element of an array member it puts on
   * the annotation. Messages about an element then go to {@link Diagnostic#member() the member holding it}. Read from
   * the type of its {@code Elements}, which no known wrapper of the processing environment replaces.
   */
  private boolean eclipse;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    eclipse = env.getElementUtils().getClass().getName().startsWith("org.eclipse.jdt.");
  }

  final void report(Diagnostic d) {
    if (d.isSuppressed()) {
      return;
    }
    Kind kind = d.kind();
    String message = d.message();
    if (kind == Kind.WARNING && promoted(d.text().message())) {
      kind = Kind.ERROR;
      message = message + " (an error through -A" + JwtSecuredProcessor.WARNINGS_AS_ERRORS + ")";
    }
    if (d.mirror() == null) {
      processingEnv.getMessager().printMessage(kind, message, d.element());
    } else if (d.value() == null) {
      processingEnv.getMessager().printMessage(kind, message, d.element(), d.mirror());
    } else {
      processingEnv.getMessager().printMessage(kind, message, d.element(), d.mirror(),
          eclipse ? d.member() : d.value());
    }
  }

  /** Whether {@code -Ajwtsecured.warningsAsErrors} names the tag of {@code message}, or is {@code all}. */
  private boolean promoted(Message message) {
    String option = processingEnv.getOptions().get(JwtSecuredProcessor.WARNINGS_AS_ERRORS);
    if (option == null || option.isBlank()) {
      return false;
    }
    String tag = message.tag();
    for (String wanted : option.split(",")) {
      String w = wanted.trim();
      if (w.equals("all") || w.equals(tag) || w.equals("[" + tag + "]")) {
        return true;
      }
    }
    return false;
  }
}
