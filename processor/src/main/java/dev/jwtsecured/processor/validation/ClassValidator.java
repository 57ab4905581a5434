package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The rules for the {@code @JwtSecured} class itself: a concrete, accessible class (a record or an enum too, such as a
 * Spring bean written as a record, or a singleton enum whose {@code INSTANCE} the application gives the feature) that
 * generated code can name.
 */
final class ClassValidator {
  private ClassValidator() {}

  static void validate(TypeElement config, List<Diagnostic> problems) {
    if (config.getKind() != ElementKind.CLASS && config.getKind() != ElementKind.RECORD
        && config.getKind() != ElementKind.ENUM) {
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

  /**
   * Whether the application can get an instance of the configuration to give the generated feature: some constructor
   * is not private, or the class hands out an instance of itself through a static field or a static method without
   * parameters that is not private (a singleton's {@code INSTANCE}, which is also what a Kotlin {@code object}
   * compiles to, or its {@code getInstance()}). Where Lombok makes the constructors, this processor may run before
   * them (see {@link #hasNoArgConstructor}): then it cannot tell, and says nothing; except for Lombok's
   * {@code @UtilityClass}, whose one constructor is private, which it says in either order.
   */
  static boolean instanceObtainable(TypeElement config) {
    if (AnnotationValues.has(config, Names.LOMBOK_UTILITY_CLASS)) {
      return false;
    }
    if (lombokMakesConstructors(config)) {
      return true;
    }
    for (Element e : config.getEnclosedElements()) {
      Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        continue;
      }
      if (e.getKind() == ElementKind.CONSTRUCTOR) {
        return true;
      }
      boolean ownType = e.getKind() == ElementKind.FIELD || e.getKind() == ElementKind.ENUM_CONSTANT
          ? isType(e.asType(), config)
          : e.getKind() == ElementKind.METHOD && ((ExecutableElement) e).getParameters().isEmpty()
              && isType(((ExecutableElement) e).getReturnType(), config);
      if (ownType && modifiers.contains(Modifier.STATIC)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isType(TypeMirror type, TypeElement config) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().equals(config);
  }

  /**
   * Whether generated code can call {@code new Config()}: the class is no enum, has a no-argument constructor that is
   * not private, and no Lombok annotation makes its constructors. Lombok replaces javac's implicit constructor, and
   * javac runs it before or after this processor as the processor path orders them; running first, this processor
   * would see a constructor that is gone when the generated code compiles. Lombok's annotations stay visible after it
   * ran, so the answer does not depend on that order.
   */
  static boolean hasNoArgConstructor(TypeElement config) {
    if (config.getKind() == ElementKind.ENUM || lombokMakesConstructors(config)
        || AnnotationValues.has(config, Names.LOMBOK_UTILITY_CLASS)) {
      return false;
    }
    for (ExecutableElement c : ElementFilter.constructorsIn(config.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean lombokMakesConstructors(TypeElement config) {
    return Names.LOMBOK_CONSTRUCTORS.stream().anyMatch(name -> AnnotationValues.has(config, name));
  }
}
