package dev.jwtsecured.processor.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads the explicitly written members of an annotation mirror, the one place that walks {@code getElementValues()}.
 */
public final class AnnotationValues {
  private AnnotationValues() {}

  /** Whether {@code e} carries the annotation {@code qualifiedName}. */
  static boolean has(Element e, String qualifiedName) {
    return find(e, qualifiedName).isPresent();
  }

  /** The annotation {@code qualifiedName} on {@code e}, compared by name: the processor never loads the type. */
  public static Optional<AnnotationMirror> find(Element e, String qualifiedName) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The member {@code name} as written, or empty when it was left to its default. */
  public static Optional<AnnotationValue> value(AnnotationMirror m, String name) {
    for (var entry : m.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** A single-valued member as text. */
  static Optional<String> string(AnnotationMirror m, String name) {
    return value(m, name).map(v -> String.valueOf(v.getValue()));
  }

  /** An array-valued member's elements as text (a single value written without braces counts as one element). */
  public static List<String> strings(AnnotationMirror m, String name) {
    return value(m, name).map(v -> {
      Object o = v.getValue();
      List<?> items = o instanceof List ? (List<?>) o : List.of(v);
      return items.stream().map(i -> String.valueOf(((AnnotationValue) i).getValue())).collect(Collectors.toList());
    }).orElse(List.of());
  }
}
