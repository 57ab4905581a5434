package dev.jwtsecured.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One problem found by a validator, with the most precise position known: element, and where the problem is in an
 * annotation, its mirror and value.
 */
record Diagnostic(Kind kind, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {

  static Diagnostic error(String message, Element element) {
    return new Diagnostic(Kind.ERROR, message, element, null, null);
  }

  static Diagnostic error(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    return new Diagnostic(Kind.ERROR, message, element, mirror, value);
  }

  static Diagnostic warning(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    return new Diagnostic(Kind.WARNING, message, element, mirror, value);
  }

  boolean isError() {
    return kind == Kind.ERROR;
  }
}
