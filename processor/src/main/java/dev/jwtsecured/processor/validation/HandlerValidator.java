package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.HandlerModel;
import dev.jwtsecured.processor.model.Names;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules for the handler methods of a configuration: {@code @UserRetriever}, {@code @Authenticator} and
 * {@code @RevocationCheck} (signatures, visibility, result shapes), and the user type the retriever yields.
 */
final class HandlerValidator {
  private final Elements elements;
  private final Types types;

  HandlerValidator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  List<ExecutableElement> annotated(List<ExecutableElement> methods, String annotation) {
    return methods.stream().filter(m -> AnnotationValues.has(m, annotation)).collect(Collectors.toList());
  }

  static String names(List<ExecutableElement> methods) {
    return methods.stream().map(m -> "'" + m.getSimpleName() + "'").collect(Collectors.joining(", "));
  }

  static void severalMethods(String annotation, TypeElement config, List<ExecutableElement> methods,
      List<Diagnostic> problems) {
    for (ExecutableElement m : methods) {
      problems.add(Diagnostic.at(
          Message.SEVERAL_METHODS.format(annotation, config.getSimpleName(), methods.size(), names(methods)), m));
    }
  }

  /** Rules for every annotated method: callable from the package, not generic, no checked exceptions. */
  boolean checkCallable(ExecutableElement m, String annotation, List<Diagnostic> problems) {
    boolean ok = true;
    if (m.getModifiers().contains(Modifier.PRIVATE)) {
      problems.add(Diagnostic.at(Message.METHOD_NOT_ACCESSIBLE.format(annotation, m.getSimpleName()), m));
      ok = false;
    }
    if (!m.getTypeParameters().isEmpty()) {
      problems.add(Diagnostic.at(Message.METHOD_GENERIC.format(annotation, m.getSimpleName(),
          m.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", "))), m));
      ok = false;
    }
    for (TypeMirror thrown : m.getThrownTypes()) {
      if (isChecked(thrown)) {
        problems.add(Diagnostic.at(Message.METHOD_THROWS.format(annotation, m.getSimpleName(), thrown), m));
        ok = false;
      }
    }
    return ok;
  }

  private boolean isChecked(TypeMirror thrown) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    return !types.isAssignable(thrown, runtime) && !types.isAssignable(thrown, error);
  }

  /** Returns the user type {@code U}, or empty after reporting why there is none. An error type means: defer. */
  Optional<TypeMirror> validateRetriever(ExecutableElement m, List<Diagnostic> problems) {
    boolean parametersOk = hasTokenParameters(m);
    if (!parametersOk) {
      problems.add(Diagnostic.at(Message.RETRIEVER_PARAMETERS.format(m.getSimpleName(), parameterList(m)), m));
    }
    Optional<TypeMirror> user = userType(m.getReturnType());
    if (user.isEmpty()) {
      problems.add(Diagnostic.at(Message.RETRIEVER_RETURN.format(m.getSimpleName(), m.getReturnType()), m));
    } else if (user.get().getKind() != TypeKind.ERROR) {
      String pkg = elements.getPackageOf(m).getQualifiedName().toString();
      Optional<TypeMirror> variable = typeVariableIn(user.get());
      if (variable.isPresent()) {
        problems.add(Diagnostic.at(Message.USER_TYPE_TYPE_VARIABLE.format(m.getSimpleName(), variable.get(),
            variable.get()), m));
        return Optional.empty();
      }
      Optional<TypeElement> hidden = hiddenFrom(pkg, user.get());
      if (hidden.isPresent()) {
        boolean isPrivate = hidden.get().getModifiers().contains(Modifier.PRIVATE);
        problems.add(Diagnostic.at(Message.USER_TYPE_NOT_ACCESSIBLE.format(m.getSimpleName(),
            hidden.get().getQualifiedName(), isPrivate ? "private" : "not public and in another package", pkg,
            isPrivate ? "package-private or public" : "public"), m));
        return Optional.empty();
      }
    }
    return parametersOk || user.map(u -> u.getKind() == TypeKind.ERROR).orElse(false) ? user : Optional.empty();
  }

  /**
   * A type variable that {@code type} names, if any: the configuration class's own ({@code Config<T>}) or the method's.
   */
  private static Optional<TypeMirror> typeVariableIn(TypeMirror type) {
    return first(type, t -> t.getKind() == TypeKind.TYPEVAR ? Optional.of(t) : Optional.empty());
  }

  /**
   * A class that {@code type} names (itself, its type arguments, array components, and the classes enclosing them)
   * that code in package {@code pkg} cannot name, if any.
   */
  private Optional<TypeElement> hiddenFrom(String pkg, TypeMirror type) {
    return first(type, t -> t.getKind() == TypeKind.DECLARED
        ? Visibility.hiddenFrom(elements, ((DeclaredType) t).asElement(), pkg) : Optional.empty());
  }

  /** What {@code test} finds in {@code type} or, else, in the types it names: arguments, components, bounds. */
  private static <T> Optional<T> first(TypeMirror type, Function<TypeMirror, Optional<T>> test) {
    Optional<T> found = test.apply(type);
    if (found.isPresent()) {
      return found;
    }
    switch (type.getKind()) {
      case ARRAY -> {
        return first(((ArrayType) type).getComponentType(), test);
      }
      case WILDCARD -> {
        WildcardType w = (WildcardType) type;
        TypeMirror bound = w.getExtendsBound() != null ? w.getExtendsBound() : w.getSuperBound();
        return bound == null ? Optional.empty() : first(bound, test);
      }
      case DECLARED -> {
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          found = first(argument, test);
          if (found.isPresent()) {
            return found;
          }
        }
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Optional<TypeMirror> userType(TypeMirror returned) {
    if (returned.getKind() == TypeKind.ERROR) {
      return Optional.of(returned);
    }
    if (returned.getKind() != TypeKind.DECLARED && returned.getKind() != TypeKind.ARRAY) {
      return Optional.empty(); // void, primitives, type variables
    }
    if (returned.getKind() == TypeKind.DECLARED) {
      String erased = erasedName(returned);
      if (erased.equals(Names.OPTIONAL) || erased.equals(Names.COMPLETION_STAGE)
          || erased.equals(Names.COMPLETABLE_FUTURE)) {
        List<? extends TypeMirror> args = ((DeclaredType) returned).getTypeArguments();
        if (args.size() != 1) {
          return Optional.empty(); // raw
        }
        TypeMirror u = args.get(0);
        if (!erased.equals(Names.OPTIONAL) && u.getKind() == TypeKind.DECLARED
            && erasedName(u).equals(Names.OPTIONAL)) {
          // CompletionStage<Optional<U>>: the user type is U, and an empty Optional means an unknown user.
          List<? extends TypeMirror> inner = ((DeclaredType) u).getTypeArguments();
          if (inner.size() != 1) {
            return Optional.empty();
          }
          u = inner.get(0);
        }
        if (u.getKind() == TypeKind.ERROR) {
          return Optional.of(u);
        }
        return u.getKind() == TypeKind.DECLARED || u.getKind() == TypeKind.ARRAY ? Optional.of(u) : Optional.empty();
      }
    }
    return Optional.of(returned);
  }

  static HandlerModel.Returns returnsOf(TypeMirror returned) {
    if (returned.getKind() == TypeKind.BOOLEAN) {
      return HandlerModel.Returns.BOOLEAN;
    }
    if (returned.getKind() == TypeKind.DECLARED) {
      String erased = ((TypeElement) ((DeclaredType) returned).asElement()).getQualifiedName().toString();
      if (erased.equals(Names.OPTIONAL)) {
        return HandlerModel.Returns.OPTIONAL;
      }
      if (erased.equals(Names.COMPLETION_STAGE) || erased.equals(Names.COMPLETABLE_FUTURE)) {
        List<? extends TypeMirror> args = ((DeclaredType) returned).getTypeArguments();
        boolean ofOptional = args.size() == 1 && args.get(0).getKind() == TypeKind.DECLARED
            && erasedName(args.get(0)).equals(Names.OPTIONAL);
        return ofOptional ? HandlerModel.Returns.COMPLETION_STAGE_OF_OPTIONAL : HandlerModel.Returns.COMPLETION_STAGE;
      }
    }
    return HandlerModel.Returns.PLAIN;
  }

  boolean validateRevocationCheck(ExecutableElement m, List<Diagnostic> problems) {
    if (!hasTokenParameters(m) || m.getReturnType().getKind() != TypeKind.BOOLEAN) {
      problems.add(Diagnostic.at(Message.REVOCATION_SIGNATURE.format(m.getSimpleName(), signature(m)), m));
      return false;
    }
    return true;
  }

  Optional<HandlerModel> validateAuthenticator(ExecutableElement m, List<Diagnostic> problems) {
    List<? extends VariableElement> params = m.getParameters();
    boolean ok = params.size() >= 2 && params.size() <= 4
        && isType(params.get(0).asType(), Names.STRING) && isType(params.get(1).asType(), Names.STRING);
    boolean takesScopes = false;
    boolean takesRequest = false;
    if (ok && params.size() >= 3) {
      TypeMirror third = params.get(2).asType();
      if (isStringSet(third)) {
        takesScopes = true;
        if (params.size() == 4) {
          ok = isType(params.get(3).asType(), Names.HTTP_HEADERS);
          takesRequest = ok;
        }
      } else {
        ok = params.size() == 3 && isType(third, Names.HTTP_HEADERS);
        takesRequest = ok;
      }
    }
    TypeMirror returned = m.getReturnType();
    HandlerModel.Returns returns = returnsOf(returned);
    boolean returnOk;
    if (returns == HandlerModel.Returns.OPTIONAL) {
      List<? extends TypeMirror> args = ((DeclaredType) returned).getTypeArguments();
      returnOk = args.size() == 1 && (isType(args.get(0), Names.GRANT) || isType(args.get(0), Names.STRING));
    } else {
      returnOk = returns == HandlerModel.Returns.PLAIN
          && (isType(returned, Names.GRANT) || isType(returned, Names.STRING));
    }
    if (!ok || !returnOk) {
      problems.add(Diagnostic.at(Message.AUTHENTICATOR_SIGNATURE.format(m.getSimpleName(), signature(m)), m));
      return Optional.empty();
    }
    boolean subject = returns == HandlerModel.Returns.OPTIONAL
        ? isType(((DeclaredType) returned).getTypeArguments().get(0), Names.STRING)
        : isType(returned, Names.STRING);
    if (subject) {
      returns = returns == HandlerModel.Returns.OPTIONAL
          ? HandlerModel.Returns.OPTIONAL_SUBJECT : HandlerModel.Returns.SUBJECT;
    }
    return Optional.of(new HandlerModel(m.getSimpleName().toString(), isStatic(m), takesScopes, takesRequest,
        returns));
  }

  private boolean hasTokenParameters(ExecutableElement m) {
    List<? extends VariableElement> params = m.getParameters();
    if (params.isEmpty() || params.size() > 2 || !isType(params.get(0).asType(), Names.TOKEN)) {
      return false;
    }
    return params.size() == 1 || isType(params.get(1).asType(), Names.CONTAINER_REQUEST_CONTEXT);
  }

  private boolean isStringSet(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED || !erasedName(t).equals(Names.SET)) {
      return false;
    }
    List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
    return args.size() == 1 && isType(args.get(0), Names.STRING);
  }

  private static boolean isType(TypeMirror t, String qualifiedName) {
    return t.getKind() == TypeKind.DECLARED && erasedName(t).equals(qualifiedName)
        && ((DeclaredType) t).getTypeArguments().isEmpty();
  }

  private static String erasedName(TypeMirror t) {
    return ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
  }

  static boolean isStatic(ExecutableElement m) {
    return m.getModifiers().contains(Modifier.STATIC);
  }

  private static String parameterList(ExecutableElement m) {
    return m.getParameters().stream().map(p -> p.asType().toString()).collect(Collectors.joining(", "));
  }

  private static String signature(ExecutableElement m) {
    return m.getReturnType() + " " + m.getSimpleName() + "(" + parameterList(m) + ")";
  }

}
