package dev.jwtsecured.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Collects the JAX-RS operations of the compilation: every public method of a root resource class (a concrete class
 * annotated {@code @Path}) that carries an HTTP method designator ({@code @GET}, {@code @POST}, or any annotation
 * meta-annotated {@code @HttpMethod}), on the method or on the method it overrides.
 *
 * <p>Access follows JSR-250 as JAX-RS runtimes apply it: {@code @DenyAll}, {@code @PermitAll} or {@code @RolesAllowed} on
 * the method wins over one on the class; without either, the operation needs a valid token.
 */
final class RouteScanner {
  private final Elements elements;
  private final Types types;

  RouteScanner(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  /** The root resource classes among {@code roots} and their nested classes. */
  List<TypeElement> resourceClasses(Iterable<? extends Element> roots) {
    List<TypeElement> found = new ArrayList<>();
    for (Element root : roots) {
      collect(root, found);
    }
    return found;
  }

  private void collect(Element e, List<TypeElement> found) {
    if (e.getKind() == ElementKind.CLASS && ConfigValidator.hasAnnotation(e, Names.PATH)
        && !e.getModifiers().contains(Modifier.ABSTRACT)) {
      found.add((TypeElement) e);
    }
    for (TypeElement nested : ElementFilter.typesIn(e.getEnclosedElements())) {
      collect(nested, found);
    }
  }

  /** Whether {@code resource} lies in one of {@code packages} or below. */
  boolean inScope(TypeElement resource, List<String> packages) {
    PackageElement p = elements.getPackageOf(resource);
    String name = p.getQualifiedName().toString();
    for (String base : packages) {
      if (base.isEmpty() || name.equals(base) || name.startsWith(base + ".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A route and where it came from, for diagnostics: the Java method, and the element whose {@code @PermitAll},
   * {@code @DenyAll} or {@code @RolesAllowed} decided its access ({@code null} when none did).
   */
  record ScannedRoute(RouteModel model, ExecutableElement method, Element accessSource) {}

  /** The operations of one root resource class. */
  List<ScannedRoute> routes(TypeElement resource) {
    List<ScannedRoute> routes = new ArrayList<>();
    String classPath = pathOf(resource).orElse("");
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(resource))) {
      if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      ExecutableElement annotated = jaxRsAnnotated(method, resource);
      Optional<String> httpMethod = httpMethod(annotated);
      if (httpMethod.isEmpty()) {
        continue; // a sub-resource locator or a plain method
      }
      String path = join(classPath, pathOf(annotated).orElse(""));
      List<TypeName> parameters =
          method.getParameters().stream()
              .map(p -> TypeName.get(types.erasure(p.asType())))
              .collect(Collectors.toList());
      RouteModel.Access access;
      List<String> roles = List.of();
      Element decided = accessSource(method, resource);
      if (decided == null) {
        access = RouteModel.Access.AUTHENTICATED;
      } else if (ConfigValidator.hasAnnotation(decided, Names.DENY_ALL)) {
        access = RouteModel.Access.DENY_ALL;
      } else if (ConfigValidator.hasAnnotation(decided, Names.PERMIT_ALL)) {
        access = RouteModel.Access.PERMIT_ALL;
      } else {
        roles = rolesOf(decided);
        access = roles.isEmpty() ? RouteModel.Access.DENY_ALL : RouteModel.Access.ROLES;
      }
      routes.add(new ScannedRoute(new RouteModel(ClassName.get(resource), method.getSimpleName().toString(),
          parameters, httpMethod.get(), path, access, roles, mediaTypes(annotated, resource, Names.CONSUMES),
          mediaTypes(annotated, resource, Names.PRODUCES)), method, decided));
    }
    return routes;
  }

  /** The method that carries the JAX-RS annotations: {@code method} itself, or the first method it overrides that does. */
  private ExecutableElement jaxRsAnnotated(ExecutableElement method, TypeElement resource) {
    if (httpMethod(method).isPresent() || ConfigValidator.hasAnnotation(method, Names.PATH)) {
      return method;
    }
    for (TypeElement supertype : supertypes(resource)) {
      for (ExecutableElement candidate : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
        if (candidate.getSimpleName().equals(method.getSimpleName())
            && (candidate.equals(method) || elements.overrides(method, candidate, resource))
            && httpMethod(candidate).isPresent()) {
          return candidate;
        }
      }
    }
    return method;
  }

  private List<TypeElement> supertypes(TypeElement type) {
    List<TypeElement> all = new ArrayList<>();
    List<TypeElement> queue = new ArrayList<>(List.of(type));
    while (!queue.isEmpty()) {
      TypeElement t = queue.remove(0);
      if (all.contains(t)) {
        continue;
      }
      all.add(t);
      for (var s : types.directSupertypes(t.asType())) {
        Element e = types.asElement(s);
        if (e instanceof TypeElement) {
          queue.add((TypeElement) e);
        }
      }
    }
    return all;
  }

  /** The element whose JSR-250 annotation applies: the method, else the resource class, else {@code null}. */
  private static Element accessSource(ExecutableElement method, TypeElement resource) {
    if (hasAccessAnnotation(method)) {
      return method;
    }
    if (hasAccessAnnotation(resource)) {
      return resource;
    }
    return null;
  }

  private static boolean hasAccessAnnotation(Element e) {
    return ConfigValidator.hasAnnotation(e, Names.DENY_ALL)
        || ConfigValidator.hasAnnotation(e, Names.PERMIT_ALL)
        || ConfigValidator.hasAnnotation(e, Names.ROLES_ALLOWED);
  }

  private static List<String> rolesOf(Element e) {
    AnnotationMirror m = ConfigValidator.findAnnotation(e, Names.ROLES_ALLOWED).orElseThrow();
    for (var entry : m.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        Object v = entry.getValue().getValue();
        if (v instanceof List) {
          return ((List<?>) v).stream()
              .map(av -> String.valueOf(((AnnotationValue) av).getValue()))
              .distinct()
              .sorted()
              .collect(Collectors.toList());
        }
      }
    }
    return List.of();
  }

  private static Optional<String> httpMethod(Element method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      Element annotationType = a.getAnnotationType().asElement();
      Optional<AnnotationMirror> designator = ConfigValidator.findAnnotation(annotationType, Names.HTTP_METHOD);
      if (designator.isPresent()) {
        for (var entry : designator.get().getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("value")) {
            return Optional.of(String.valueOf(entry.getValue().getValue()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The values of {@code @Consumes} or {@code @Produces} on the method, else on the class; empty when neither has one. */
  private static List<String> mediaTypes(Element method, Element resource, String annotation) {
    for (Element e : List.of(method, resource)) {
      Optional<AnnotationMirror> m = ConfigValidator.findAnnotation(e, annotation);
      if (m.isPresent()) {
        for (var entry : m.get().getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("value")) {
            Object v = entry.getValue().getValue();
            List<?> values = v instanceof List ? (List<?>) v : List.of(entry.getValue());
            return values.stream()
                .map(av -> String.valueOf(((AnnotationValue) av).getValue()))
                .flatMap(t -> java.util.Arrays.stream(t.split(",")))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toList());
          }
        }
      }
    }
    return List.of();
  }

  static Optional<String> pathOf(Element e) {
    return pathOf(e, Names.PATH);
  }

  /** The {@code value} of {@code @Path} or {@code @ApplicationPath} on {@code e}. */
  static Optional<String> pathOf(Element e, String annotation) {
    return ConfigValidator.findAnnotation(e, annotation).flatMap(RouteScanner::valueOf);
  }

  private static Optional<String> valueOf(AnnotationMirror m) {
    for (var entry : m.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return Optional.of(String.valueOf(entry.getValue().getValue()));
      }
    }
    return Optional.empty();
  }

  /** Joins JAX-RS path fragments as the runtime does: one slash between, one at the start, none at the end. */
  static String join(String... fragments) {
    StringBuilder path = new StringBuilder();
    for (String f : fragments) {
      String trimmed = f.replaceAll("^/+", "").replaceAll("/+$", "");
      if (!trimmed.isEmpty()) {
        path.append('/').append(trimmed);
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

}
