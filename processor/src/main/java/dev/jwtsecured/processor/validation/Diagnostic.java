package dev.jwtsecured.processor.validation;

import java.util.Optional;
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

  /**
   * Whether this is a warning that {@code @SuppressWarnings} with its tag (such as
   * {@code "JwtSecured.LocatorBeforeAuthentication"}) on its element or an enclosing one turns off, as javac's own
   * warnings are turned off. Errors cannot be.
   */
  public boolean isSuppressed() {
    if (kind() != Kind.WARNING) {
      return false;
    }
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      Optional<AnnotationMirror> suppress = AnnotationValues.find(e, "java.lang.SuppressWarnings");
      if (suppress.isPresent() && AnnotationValues.strings(suppress.get(), "value").contains(text.message().tag())) {
        return true;
      }
    }
    return false;
  }
}
