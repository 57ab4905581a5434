package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.HandlerModel;
import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.processor.model.SettingsModel.RefreshStorage;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules of refresh tokens: {@code refreshExpiration} needs the generated token endpoint, and handlers the endpoint
 * can call without a filter's request; {@code refreshStorage = PROVIDED} and a {@code @RefreshStore} method go
 * together, and the method returns a store.
 */
final class RefreshValidator {
  private final Elements elements;
  private final Types types;
  private final HandlerValidator handlers;

  RefreshValidator(Elements elements, Types types, HandlerValidator handlers) {
    this.elements = elements;
    this.types = types;
    this.handlers = handlers;
  }

  /**
   * Checks the refresh settings against the class; returns the {@code @RefreshStore} method when it is valid and
   * used.
   *
   * @param stores the class's {@code @RefreshStore} methods
   * @param tokenEndpoint whether the configuration has a generated token endpoint
   * @param requestTakers the handler methods (by annotation name) that take a {@code ContainerRequestContext}
   */
  Optional<HandlerModel> validate(TypeElement config, ConfigValues v, SettingsModel settings,
      List<ExecutableElement> stores, boolean tokenEndpoint, List<ExecutableElement> requestTakers,
      List<Diagnostic> problems) {
    if (settings.refreshes()) {
      if (settings.expirationSeconds() > 0 && settings.refreshExpirationSeconds() <= settings.expirationSeconds()) {
        problems.add(v.at("refreshExpiration", Message.REFRESH_NOT_LONGER_THAN_TOKEN.format(
            v.string("refreshExpiration"), v.string("expiration"))));
      }
      if (!tokenEndpoint) {
        problems.add(v.at("refreshExpiration", Message.REFRESH_WITHOUT_TOKEN_ENDPOINT.format(
            v.string("refreshExpiration"), config.getSimpleName())));
      }
      for (ExecutableElement m : requestTakers) {
        String annotation = AnnotationValues.has(m, Names.USER_RETRIEVER) ? "UserRetriever" : "RevocationCheck";
        problems.add(Diagnostic.at(Message.REFRESH_HANDLER_TAKES_REQUEST.format(annotation, m.getSimpleName()), m));
      }
    }
    boolean provided = settings.refreshStorage() == RefreshStorage.PROVIDED;
    if (provided && !settings.refreshes()) {
      problems.add(v.at("refreshStorage", Message.REFRESH_STORAGE_WITHOUT_REFRESH.format()));
    }
    if (stores.isEmpty()) {
      if (provided && settings.refreshes()) {
        problems.add(v.at("refreshStorage", Message.REFRESH_STORE_MISSING.format(config.getSimpleName())));
      }
      return Optional.empty();
    }
    if (stores.size() > 1) {
      HandlerValidator.severalMethods("RefreshStore", config, stores, problems);
      return Optional.empty();
    }
    ExecutableElement m = stores.get(0);
    if (!provided) {
      problems.add(Diagnostic.at(Message.REFRESH_STORE_UNUSED.format(m.getSimpleName(),
          settings.refreshes() ? "in memory (refreshStorage = IN_MEMORY)" : "nowhere (refreshExpiration is empty)"),
          m));
      return Optional.empty();
    }
    if (!settings.refreshes() || !handlers.checkCallable(m, "RefreshStore", problems)) {
      return Optional.empty();
    }
    TypeElement store = elements.getTypeElement(Names.REFRESH_TOKEN_STORE);
    TypeMirror returned = m.getReturnType();
    if (!m.getParameters().isEmpty() || returned.getKind() != TypeKind.DECLARED || store == null
        || !types.isAssignable(returned, store.asType())) {
      problems.add(Diagnostic.at(Message.REFRESH_STORE_SIGNATURE.format(m.getSimpleName(), returned + " "
          + m.getSimpleName() + "(" + m.getParameters().stream().map(p -> p.asType().toString())
              .collect(java.util.stream.Collectors.joining(", ")) + ")"), m));
      return Optional.empty();
    }
    return Optional.of(new HandlerModel(m.getSimpleName().toString(), HandlerValidator.isStatic(m), false, false,
        HandlerModel.Returns.PLAIN));
  }
}
