package dev.jwtsecured.processor.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Types a configuration's resources name that do not exist yet, because another annotation processor generates them in
 * a later round: a resource method's parameter type (an entity class), a locator's sub-resource class, a resource's
 * superclass or interface. Until they exist the processor cannot name such a method as JAX-RS reports it at run time,
 * nor see the JAX-RS and JSR-250 annotations of a missing supertype; bound by name then, the method would be unseen (a
 * valid token, no role check). So the configuration waits for a later round.
 */
public final class PendingTypes {
  /** An element of the configuration's resources and the missing type it names. */
  public record Pending(Element element, String type) {
    /** "Resource method 'create'" or "Resource type 'app.Orders'" (a resource class or one of its supertypes). */
    public String describe() {
      return element instanceof TypeElement t
          ? "Resource type '" + t.getQualifiedName() + "'"
          : "Resource method '" + element.getSimpleName() + "'";
    }
  }

  private final Types types;

  public PendingTypes(Types types) {
    this.types = types;
  }

  /** The first missing type among the supertypes of {@code resources} and the signatures {@code scan} found. */
  public Optional<Pending> find(List<TypeElement> resources, RouteScanner.Scan scan) {
    for (TypeElement resource : resources) {
      Optional<Pending> missing = inSupertypes(resource);
      if (missing.isPresent()) {
        return missing;
      }
    }
    for (RouteScanner.ScannedLocator locator : scan.locators()) {
      TypeMirror returned = locator.method().getReturnType();
      if (missing(returned)) {
        return Optional.of(new Pending(locator.method(), returned.toString()));
      }
      Element sub = types.asElement(returned);
      if (sub instanceof TypeElement subType) {
        Optional<Pending> inSub = inSupertypes(subType);
        if (inSub.isPresent()) {
          return inSub;
        }
      }
    }
    for (RouteScanner.ScannedRoute route : scan.routes()) {
      Optional<Pending> missing = inParameters(route.method());
      if (missing.isPresent()) {
        return missing;
      }
    }
    return Optional.empty();
  }

  private Optional<Pending> inParameters(ExecutableElement method) {
    for (VariableElement parameter : method.getParameters()) {
      TypeMirror erased = types.erasure(parameter.asType());
      if (missing(erased)) {
        return Optional.of(new Pending(method, erased.toString()));
      }
    }
    return Optional.empty();
  }

  /** A missing superclass or interface of {@code type}, at any depth. */
  private Optional<Pending> inSupertypes(TypeElement type) {
    Set<TypeElement> seen = new HashSet<>();
    Deque<TypeElement> queue = new ArrayDeque<>(List.of(type));
    while (!queue.isEmpty()) {
      TypeElement current = queue.poll();
      if (!seen.add(current)) {
        continue;
      }
      for (TypeMirror supertype : supertypes(current)) {
        if (missing(supertype)) {
          return Optional.of(new Pending(current, supertype.toString()));
        }
        if (types.asElement(supertype) instanceof TypeElement e) {
          queue.add(e);
        }
      }
    }
    return Optional.empty();
  }

  private static List<TypeMirror> supertypes(TypeElement type) {
    List<TypeMirror> all = new ArrayList<>(type.getInterfaces());
    if (type.getSuperclass().getKind() != TypeKind.NONE) {
      all.add(0, type.getSuperclass());
    }
    return all;
  }

  private static boolean missing(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return missing(((ArrayType) type).getComponentType());
    }
    return type.getKind() == TypeKind.ERROR;
  }
}
