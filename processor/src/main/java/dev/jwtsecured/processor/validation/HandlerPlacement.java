package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Handler methods ({@code @UserRetriever}, {@code @Authenticator}, {@code @RevocationCheck}, {@code @RefreshStore})
 * count only where a configuration declares them; one anywhere else would be ignored without a word, so it is an
 * error on the method. One exception: Kotlin compiles a {@code @JvmStatic} method of a configuration's
 * {@code companion object} twice, a static method of the configuration (the one used) and an instance method of the
 * companion class, both carrying the annotation; the companion's copy is not reported.
 */
public final class HandlerPlacement {
  private static final List<String> HANDLERS =
      List.of(Names.USER_RETRIEVER, Names.AUTHENTICATOR, Names.REVOCATION_CHECK, Names.REFRESH_STORE);

  private HandlerPlacement() {}

  /** A diagnostic for each handler method of this round that no {@code @JwtSecured} class declares. */
  public static List<Diagnostic> check(RoundEnvironment round, Elements elements, Types types) {
    List<Diagnostic> problems = new ArrayList<>();
    for (String handler : HANDLERS) {
      TypeElement annotation = elements.getTypeElement(handler);
      if (annotation == null) {
        continue;
      }
      for (Element method : round.getElementsAnnotatedWith(annotation)) {
        Element owner = method.getEnclosingElement();
        if (AnnotationValues.has(owner, Names.JWT_SECURED)
            || method instanceof ExecutableElement e && hasStaticTwin(e, handler, types)) {
          continue;
        }
        Optional<AnnotationMirror> mirror = AnnotationValues.find(method, handler);
        problems.add(Diagnostic.at(Message.HANDLER_OUTSIDE_CONFIGURATION.format(annotation.getSimpleName(),
            method.getSimpleName(), owner), method, mirror.orElse(null), null));
      }
    }
    return problems;
  }

  /**
   * Whether {@code method}, in a class nested in a configuration, has a twin there: a static method of the same name
   * and parameter types with the same handler annotation.
   */
  private static boolean hasStaticTwin(ExecutableElement method, String handler, Types types) {
    Element configuration = method.getEnclosingElement().getEnclosingElement();
    if (!(configuration instanceof TypeElement) || !AnnotationValues.has(configuration, Names.JWT_SECURED)) {
      return false;
    }
    return ElementFilter.methodsIn(configuration.getEnclosedElements()).stream()
        .anyMatch(m -> m.getModifiers().contains(Modifier.STATIC)
            && m.getSimpleName().contentEquals(method.getSimpleName())
            && AnnotationValues.has(m, handler)
            && types.isSubsignature((ExecutableType) m.asType(), (ExecutableType) method.asType()));
  }
}
