package dev.jwtsecured.processor.validation;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** The rules for the {@code @JwtSecured} class itself: a concrete, accessible class that generated code can name. */
final class ClassValidator {
  private ClassValidator() {}

  static void validate(TypeElement config, List<Diagnostic> problems) {
    if (config.getKind() != ElementKind.CLASS) {
      problems.add(Diagnostic.at(Message.NOT_A_CLASS.format(config.getSimpleName(), Message.kind(config.getKind())),
          config));
      return;
    }
    if (config.getModifiers().contains(Modifier.ABSTRACT)) {
      problems.add(Diagnostic.at(Message.CLASS_ABSTRACT.format(config.getSimpleName()), config));
    }
    for (Element e = config; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement t = (TypeElement) e;
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        problems.add(Diagnostic.at(Message.CLASS_NOT_ACCESSIBLE.format(t.getSimpleName(), "private"), config));
        return;
      }
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        problems.add(Diagnostic.at(
            Message.CLASS_NOT_ACCESSIBLE.format(t.getSimpleName(), "an inner (non-static) class"), config));
        return;
      }
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        problems.add(Diagnostic.at(Message.CLASS_NOT_ACCESSIBLE.format(t.getSimpleName(), "a local class"), config));
        return;
      }
    }
  }

  /** Whether the user can create the configuration: some constructor is not private. */
  static boolean hasCallableConstructor(TypeElement config) {
    return ElementFilter.constructorsIn(config.getEnclosedElements()).stream()
        .anyMatch(c -> !c.getModifiers().contains(Modifier.PRIVATE));
  }

  static boolean hasNoArgConstructor(TypeElement config) {
    for (ExecutableElement c : ElementFilter.constructorsIn(config.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

}
