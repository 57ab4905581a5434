package dev.jwtsecured.processor.validation;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Whether code generated in a package can name a class: the class and every class enclosing it must let it. */
final class Visibility {
  private Visibility() {}

  /**
   * The first of {@code type} and the classes enclosing it that code in package {@code pkg} cannot name: a
   * {@code private} one, or one that is not {@code public} in another package. Empty when all can be named.
   */
  static Optional<TypeElement> hiddenFrom(Elements elements, Element type, String pkg) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      boolean samePackage = elements.getPackageOf(t).getQualifiedName().contentEquals(pkg);
      if (t.getModifiers().contains(Modifier.PRIVATE) || !samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
