package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.HandlerModel;
import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.model.RouteModel;
import dev.jwtsecured.processor.model.SettingsModel;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @JwtSecured} class and returns either its {@link ConfigModel} or every problem found in it
 * (STYLE: collect all errors of a class, generate nothing for it if there are any).
 */
public final class ConfigValidator {
  /** What validation of one class gave. {@code deferred}: a type it needs does not exist yet; try next round. */
  public record Result(Optional<ConfigModel> model, List<Diagnostic> diagnostics, String deferredMethod) {
    public boolean deferred() {
      return deferredMethod != null;
    }
  }

  private final Elements elements;
  private final Types types;
  private final HandlerValidator handlers;
  private final RefreshValidator refresh;

  public ConfigValidator(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.handlers = new HandlerValidator(elements, types);
    this.refresh = new RefreshValidator(elements, types, handlers);
  }

  public Result validate(TypeElement config, AnnotationMirror annotation, RouteScanner.Scan scan,
      List<String> basePackages, String applicationPath) {
    List<Diagnostic> problems = new ArrayList<>();
    ConfigValues values = new ConfigValues(config, annotation, elements.getElementValuesWithDefaults(annotation));

    ClassValidator.validate(config, problems);
    SettingsModel settings = SettingsValidator.validate(values, problems);

    List<ExecutableElement> methods = ElementFilter.methodsIn(config.getEnclosedElements());
    List<ExecutableElement> retrievers = handlers.annotated(methods, Names.USER_RETRIEVER);
    List<ExecutableElement> authenticators = handlers.annotated(methods, Names.AUTHENTICATOR);
    List<ExecutableElement> revocationChecks = handlers.annotated(methods, Names.REVOCATION_CHECK);
    List<ExecutableElement> stores = handlers.annotated(methods, Names.REFRESH_STORE);

    HandlerModel retriever = null;
    TypeMirror userType = null;
    if (retrievers.isEmpty()) {
      problems.add(Diagnostic.at(Message.NO_USER_RETRIEVER.format(config.getSimpleName()), config, annotation, null));
    } else if (retrievers.size() > 1) {
      for (ExecutableElement extra : retrievers) {
        problems.add(Diagnostic.at(
            Message.SEVERAL_USER_RETRIEVERS.format(config.getSimpleName(), retrievers.size(),
                HandlerValidator.names(retrievers)),
            extra));
      }
    } else {
      ExecutableElement m = retrievers.get(0);
      if (handlers.checkCallable(m, "UserRetriever", problems)) {
        Optional<TypeMirror> user = handlers.validateRetriever(m, problems);
        if (user.isPresent() && user.get().getKind() == TypeKind.ERROR) {
          return new Result(Optional.empty(), List.of(), m.getSimpleName().toString());
        }
        if (user.isPresent()) {
          userType = user.get();
          retriever = new HandlerModel(m.getSimpleName().toString(), HandlerValidator.isStatic(m), false,
              m.getParameters().size() == 2, HandlerValidator.returnsOf(m.getReturnType()));
        }
      }
    }

    Optional<HandlerModel> revocation = Optional.empty();
    if (revocationChecks.size() > 1) {
      HandlerValidator.severalMethods("RevocationCheck", config, revocationChecks, problems);
    } else if (revocationChecks.size() == 1) {
      ExecutableElement m = revocationChecks.get(0);
      if (handlers.checkCallable(m, "RevocationCheck", problems) && handlers.validateRevocationCheck(m, problems)) {
        revocation = Optional.of(new HandlerModel(m.getSimpleName().toString(), HandlerValidator.isStatic(m), false,
            m.getParameters().size() == 2, HandlerModel.Returns.BOOLEAN));
      }
    }

    Optional<HandlerModel> authenticator = Optional.empty();
    if (authenticators.size() > 1) {
      HandlerValidator.severalMethods("Authenticator", config, authenticators, problems);
    } else if (authenticators.size() == 1) {
      ExecutableElement m = authenticators.get(0);
      if (handlers.checkCallable(m, "Authenticator", problems)) {
        authenticator = handlers.validateAuthenticator(m, problems);
      }
    } else if (!settings.tokenUrl().isEmpty()) {
      problems.add(Diagnostic.at(
          Message.TOKEN_URL_WITHOUT_AUTHENTICATOR.format(settings.tokenUrl(), config.getSimpleName()),
          config, annotation, values.value("tokenUrl")));
    }

    List<ExecutableElement> requestTakers = new ArrayList<>();
    if (retriever != null && retriever.takesRequest()) {
      requestTakers.add(retrievers.get(0));
    }
    if (revocation.isPresent() && revocation.get().takesRequest()) {
      requestTakers.add(revocationChecks.get(0));
    }
    Optional<HandlerModel> refreshStore = refresh.validate(config, values, settings, stores,
        authenticator.isPresent() && !settings.tokenUrl().isEmpty(), requestTakers, problems);

    RouteChecks.Result routes = new RouteChecks(values, this::isSubtype).check(settings, scan,
        authenticator.isPresent() && !settings.tokenUrl().isEmpty());
    problems.addAll(routes.problems());
    SettingsValidator.checkDeclaredRoles(values, scan.routes(), problems);
    SettingsValidator.checkScopesAreNotRoles(values, scan.routes(), problems);

    // Said with the other mistakes, from the methods as written: whether they are valid handlers is another matter.
    boolean instanceHandlers = Stream.of(retrievers, authenticators, revocationChecks, stores)
        .flatMap(List::stream).anyMatch(m -> !HandlerValidator.isStatic(m));
    if (instanceHandlers && !ClassValidator.instanceObtainable(config)) {
      problems.add(Diagnostic.at(Message.NO_CALLABLE_CONSTRUCTOR.format(config.getSimpleName()), config));
    }
    if (problems.stream().anyMatch(Diagnostic::isError) || retriever == null) {
      return new Result(Optional.empty(), problems, null);
    }
    ConfigModel model =
        new ConfigModel(
            ClassName.get(config),
            basePackages,
            applicationPath,
            TypeName.get(userType),
            userType.getKind() == TypeKind.DECLARED && !((DeclaredType) userType).getTypeArguments().isEmpty(),
            retriever,
            revocation,
            authenticator,
            refreshStore,
            ClassValidator.hasNoArgConstructor(config),
            config.getTypeParameters().size(),
            settings,
            routes.routes(),
            routes.guardedLocators(),
            scan.locators().stream().map(RouteScanner.ScannedLocator::locator)
                .sorted(Comparator.comparing((RouteModel.Locator l) -> l.resourceClass().canonicalName())
                    .thenComparing(RouteModel.Locator::methodName)
                    .thenComparing(l -> l.parameterTypes().toString()))
                .distinct().toList(),
            scan.pathTypes(),
            routes.rootOperations(),
            routes.locatorRules(),
            Diagnostic.suppresses(config, Message.SECRET_SHARED.tag()),
            Diagnostic.suppresses(config, Message.GUARD_BEFORE_UNKNOWN_ROOT.tag()));
    return new Result(Optional.of(model), problems, null);
  }

  /** Whether the class {@code sub} extends or implements {@code sup}, both named canonically. */
  private boolean isSubtype(String sub, String sup) {
    TypeElement a = elements.getTypeElement(sub);
    TypeElement b = elements.getTypeElement(sup);
    return a != null && b != null && types.isSubtype(types.erasure(a.asType()), types.erasure(b.asType()));
  }
}
