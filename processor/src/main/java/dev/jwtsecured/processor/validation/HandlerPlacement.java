package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Handler methods ({@code @UserRetriever}, {@code @Authenticator}, {@code @RevocationCheck}, {@code @RefreshStore})
 * count only where a configuration declares them; one anywhere else would be ignored without a word, so it is an
 * error on the method.
 */
public final class HandlerPlacement {
  private static final List<String> HANDLERS =
      List.of(Names.USER_RETRIEVER, Names.AUTHENTICATOR, Names.REVOCATION_CHECK, Names.REFRESH_STORE);

  private HandlerPlacement() {}

  /** A diagnostic for each handler method of this round that no {@code @JwtSecured} class declares. */
  public static List<Diagnostic> check(RoundEnvironment round, Elements elements) {
    List<Diagnostic> problems = new ArrayList<>();
    for (String handler : HANDLERS) {
      TypeElement annotation = elements.getTypeElement(handler);
      if (annotation == null) {
        continue;
      }
      for (Element method : round.getElementsAnnotatedWith(annotation)) {
        Element owner = method.getEnclosingElement();
        if (AnnotationValues.has(owner, Names.JWT_SECURED)) {
          continue;
        }
        Optional<AnnotationMirror> mirror = AnnotationValues.find(method, handler);
        problems.add(Diagnostic.at(Message.HANDLER_OUTSIDE_CONFIGURATION.format(annotation.getSimpleName(),
            method.getSimpleName(), owner), method, mirror.orElse(null), null));
      }
    }
    return problems;
  }
}
