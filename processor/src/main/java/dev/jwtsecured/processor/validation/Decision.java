package dev.jwtsecured.processor.validation;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.model.Roles;
import dev.jwtsecured.processor.model.RouteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What JSR-250 says about an operation, read where JAX-RS reads a method's annotations, and the elements whose
 * annotations made it (none when no annotation decided); {@code roles}, what their {@code @RolesAllowed} rules require
 * together. {@code @RolesAllowed("**")}, any authenticated user, is {@code AUTHENTICATED} with its element. Where two
 * places say something, both apply ({@link #and}): the stricter kind, and a role of each list.
 */
record Decision(RouteModel.Access access, Roles roles, List<Element> sources) {
  static final Decision AUTHENTICATED = new Decision(RouteModel.Access.AUTHENTICATED, Roles.NONE, List.of());

  Decision {
    sources = List.copyOf(sources);
  }

  Decision(RouteModel.Access access, Roles roles, Element source) {
    this(access, roles, List.of(source));
  }

  /** The element whose annotation decided, the first where several did, or {@code null}. */
  Element source() {
    return sources.isEmpty() ? null : sources.get(0);
  }

  /**
   * For messages, the roles its {@code @RolesAllowed} rules name ({@code admin, ops}; {@code **} for any
   * authenticated user), or {@code null} where no such rule decided.
   */
  String rolesAllowed() {
    if (access == RouteModel.Access.ROLES) {
      return roles.toString();
    }
    return access == RouteModel.Access.AUTHENTICATED && source() != null ? JwtSecured.ANY_AUTHENTICATED_USER : null;
  }

  /** What passes this and {@code other} both: the stricter kind, and for two role rules a role of each. */
  Decision and(Decision other) {
    if (access == RouteModel.Access.ROLES && other.access == RouteModel.Access.ROLES) {
      List<Element> both = new ArrayList<>(sources);
      other.sources.stream().filter(e -> !both.contains(e)).forEach(both::add);
      return new Decision(RouteModel.Access.ROLES, roles.and(other.roles), both);
    }
    return other.access.compareTo(access) > 0 ? other : this;
  }

  /**
   * The JSR-250 decision for {@code method}: method level (the method and the one carrying its JAX-RS annotations)
   * before class level (the resource class and the type declaring that method); both where two disagree.
   */
  static Decision of(ExecutableElement method, ExecutableElement annotated, TypeElement resource) {
    Decision methodLevel = combine(method, annotated);
    if (methodLevel != null) {
      return methodLevel;
    }
    Decision classLevel = combine(resource, annotated.getEnclosingElement());
    return classLevel == null ? Decision.AUTHENTICATED : classLevel;
  }

  private static Decision combine(Element first, Element second) {
    Decision a = read(first);
    Decision b = first.equals(second) ? null : read(second);
    if (a == null) {
      return b;
    }
    return b == null ? a : a.and(b);
  }

  /**
   * The annotations on {@code e} that state a rule nothing reads: Java EE's JSR-250 ones
   * ({@code javax.annotation.security}, {@link #isJavax}), and the application's own whose declaration carries a
   * JSR-250 annotation (neither JAX-RS runtimes nor this processor read one through another annotation). None where
   * {@code e} states its rule with Jakarta's own annotations too (code built for both namespaces, say).
   */
  static List<AnnotationMirror> unreadRules(Element e) {
    List<AnnotationMirror> found = new ArrayList<>();
    if (read(e) != null) {
      return found;
    }
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (isJavax(m) || carried(m) != null) {
        found.add(m);
      }
    }
    return found;
  }

  /** Whether {@code a} is one of Java EE's JSR-250 annotations. */
  static boolean isJavax(AnnotationMirror a) {
    return ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString()
        .startsWith(Names.JAVAX_SECURITY_PACKAGE + ".");
  }

  /** The JSR-250 annotation the declaration of {@code a} carries ({@code @RolesAllowed}, ...), or {@code null}. */
  static String carried(AnnotationMirror a) {
    AnnotationMirror carried = rule(a.getAnnotationType().asElement());
    return carried == null ? null : "@" + carried.getAnnotationType().asElement().getSimpleName();
  }

  /** The JSR-250 annotation on {@code e} ({@code @DenyAll}, {@code @RolesAllowed}, {@code @PermitAll}), or null. */
  static AnnotationMirror rule(Element e) {
    for (String name : List.of(Names.DENY_ALL, Names.ROLES_ALLOWED, Names.PERMIT_ALL)) {
      Optional<AnnotationMirror> found = AnnotationValues.find(e, name);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /** The decision of the JSR-250 annotation on {@code e}, or {@code null} when it has none. */
  private static Decision read(Element e) {
    AnnotationMirror rule = rule(e);
    if (rule == null) {
      return null;
    }
    String name = ((TypeElement) rule.getAnnotationType().asElement()).getQualifiedName().toString();
    if (name.equals(Names.DENY_ALL)) {
      return new Decision(RouteModel.Access.DENY_ALL, Roles.NONE, e);
    }
    if (name.equals(Names.PERMIT_ALL)) {
      return new Decision(RouteModel.Access.PERMIT_ALL, Roles.NONE, e);
    }
    List<String> roles = AnnotationValues.strings(rule, "value");
    if (roles.contains(JwtSecured.ANY_AUTHENTICATED_USER)) {
      return new Decision(RouteModel.Access.AUTHENTICATED, Roles.NONE, e); // any authenticated user
    }
    return roles.isEmpty() ? new Decision(RouteModel.Access.DENY_ALL, Roles.NONE, e)
        : new Decision(RouteModel.Access.ROLES, Roles.anyOf(roles), e);
  }
}
