package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Where a root resource class's {@code @Path} stands, as the JAX-RS runtimes look for it: on the class, a superclass,
 * or an interface one of them implements (an API interface generated from an OpenAPI document carries it, and its
 * implementation none). Jersey and RESTEasy search in different orders, and RESTEasy reports the type it found as the
 * resource class.
 */
final class PathTypes {
  private PathTypes() {}

  /**
   * The type whose {@code @Path} makes {@code type} a root resource, as Jersey finds it: the class or its nearest
   * superclass carrying one, else the first interface carrying one, of the class first, then of each superclass.
   */
  static Optional<TypeElement> found(TypeElement type) {
    TypeElement foundInterface = null;
    for (TypeElement c = type; c != null; c = superclass(c)) {
      if (AnnotationValues.has(c, Names.PATH)) {
        return Optional.of(c);
      }
      if (foundInterface == null) {
        foundInterface = pathInterface(c);
      }
    }
    return Optional.ofNullable(foundInterface);
  }

  /**
   * The type RESTEasy builds the resource from and reports as the resource class: the class, else the first of its
   * interfaces carrying {@code @Path}, else the same for its superclass.
   */
  static Optional<TypeElement> reported(TypeElement type) {
    for (TypeElement c = type; c != null; c = superclass(c)) {
      if (AnnotationValues.has(c, Names.PATH)) {
        return Optional.of(c);
      }
      TypeElement found = pathInterface(c);
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /** The first interface {@code type} names in its {@code implements} clause that carries {@code @Path}, or null. */
  private static TypeElement pathInterface(TypeElement type) {
    for (TypeMirror i : type.getInterfaces()) {
      if (i.getKind() == TypeKind.DECLARED && AnnotationValues.has(((DeclaredType) i).asElement(), Names.PATH)) {
        return (TypeElement) ((DeclaredType) i).asElement();
      }
    }
    return null;
  }

  /** The superclass of {@code type}, or null for {@code Object} and interfaces. */
  private static TypeElement superclass(TypeElement type) {
    TypeMirror s = type.getSuperclass();
    if (s.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement c = (TypeElement) ((DeclaredType) s).asElement();
    return c.getQualifiedName().contentEquals("java.lang.Object") ? null : c;
  }
}
