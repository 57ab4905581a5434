package dev.jwtsecured.processor.validation;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One problem found by a validator: a formatted {@link Message}, which carries its kind, at the most precise position
 * known: element, and where the problem is in an annotation, its mirror and value. When the value is one element of an
 * array-valued member, {@code member} is that whole member's value, for compilers that place a message only at a whole
 * member (the Eclipse compiler); otherwise it is {@code value}.
 */
public record Diagnostic(Message.Text text, Element element, AnnotationMirror mirror, AnnotationValue value,
    AnnotationValue member) {

  /** {@code text} on {@code element}. */
  public static Diagnostic at(Message.Text text, Element element) {
    return new Diagnostic(text, element, null, null, null);
  }

  /**
   * {@code text} on {@code element}, in {@code mirror} (may be null) at {@code value}, a whole member (may be null).
   */
  public static Diagnostic at(Message.Text text, Element element, AnnotationMirror mirror, AnnotationValue value) {
    return new Diagnostic(text, element, mirror, value, value);
  }

  /** {@code text} on {@code element}, in {@code mirror} at {@code value}, one element of the array {@code member}. */
  static Diagnostic inArray(Message.Text text, Element element, AnnotationMirror mirror, AnnotationValue member,
      AnnotationValue value) {
    return new Diagnostic(text, element, mirror, value, member);
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
    return kind() == Kind.WARNING && suppresses(element, text.message().tag());
  }

  /** Whether {@code @SuppressWarnings} on {@code element} or an enclosing one names {@code tag}. */
  public static boolean suppresses(Element element, String tag) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      Optional<AnnotationMirror> suppress = AnnotationValues.find(e, "java.lang.SuppressWarnings");
      if (suppress.isPresent() && AnnotationValues.strings(suppress.get(), "value").contains(tag)) {
        return true;
      }
    }
    return false;
  }
}
