package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Diagnostic;
import dev.jwtsecured.processor.validation.Message;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * What both processors share: the latest source version, the types this compilation declares, and {@link #report} for
 * their {@link Diagnostic}s: warnings
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
  /** Every type the sources of this compilation declare (nested ones too), in any round, by qualified name. */
  private final Set<String> declared = new HashSet<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    eclipse = env.getElementUtils().getClass().getName().startsWith("org.eclipse.jdt.");
  }

  /** Records the types that {@code round}'s sources declare, nested ones included. */
  final void declare(RoundEnvironment round) {
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      declare(type);
    }
  }

  private void declare(TypeElement type) {
    declared.add(type.getQualifiedName().toString());
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      declare(nested);
    }
  }

  /** The types the sources of this compilation declare, in every round so far, by qualified name. */
  final Set<String> declared() {
    return Collections.unmodifiableSet(declared);
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
