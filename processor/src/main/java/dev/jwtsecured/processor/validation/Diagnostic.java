package dev.jwtsecured.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One problem found by a validator: a formatted {@link Message}, which carries its kind, at the most precise position
 * known: element, and where the problem is in an annotation, its mirror and value.
 */
public record Diagnostic(Message.Text text, Element element, AnnotationMirror mirror, AnnotationValue value) {

  /** {@code text} on {@code element}. */
  public static Diagnostic at(Message.Text text, Element element) {
    return new Diagnostic(text, element, null, null);
  }

  /** {@code text} on {@code element}, in {@code mirror} (may be null) at {@code value} (may be null). */
  public static Diagnostic at(Message.Text text, Element element, AnnotationMirror mirror, AnnotationValue value) {
    return new Diagnostic(text, element, mirror, value);
  }

  public Kind kind() {
    return text.message().kind();
  }

  public String message() {
    return text.text();
  }

  boolean isError() {
    return kind() == Kind.ERROR;
  }
}
