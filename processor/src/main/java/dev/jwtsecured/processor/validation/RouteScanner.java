package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.model.RouteModel;
import dev.jwtsecured.runtime.internal.Templates;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Collects every operation JAX-RS can dispatch to from the classes of the compilation: the resource methods of root
 * resource classes (concrete classes annotated {@code @Path}, or taking it from an interface or abstract class, as
 * Jersey and RESTEasy do), including methods whose JAX-RS annotations sit on a superclass or interface method they
 * implement, and the resource methods of sub-resource classes that locators return, recursively.
 *
 * <p>Access follows JSR-250 as JAX-RS runtimes apply it, looked up where JAX-RS finds the method's annotations: a
 * {@code @DenyAll}, {@code @RolesAllowed} or {@code @PermitAll} on the method (the implementation, or the superclass or
 * interface method that carries its JAX-RS annotations) wins over one on the class (the resource class, or the type
 * declaring that method). Where two places disagree, both rules apply: deny before roles before a valid token
 * before public, and two role lists take a role of each. A locator's own access rule applies to everything it leads
 * to, the same way.
 *
 * <p>It is longer than most classes here because where JAX-RS finds a method's annotations (the method, a superclass or
 * interface method, the class) and how locators lead to sub-resources are one recursive algorithm; split up, the
 * recursion would be harder to follow.
 */
public final class RouteScanner {
  private final Elements elements;
  private final Types types;

  public RouteScanner(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  /**
   * An operation as scanned, before the configuration's exclusions decide its policy.
   *
   * @param method the Java method (for positions of diagnostics)
   * @param locatorPath the template of the outermost locator that leads here, or empty
   * @param rootPath the template of the root resource class that leads here
   * @param bridgeTypes as {@link RouteModel#bridgeTypes()}
   */
  public record ScannedRoute(ClassName resourceClass, String methodName, List<TypeName> parameterTypes,
      String httpMethod, String path, Decision decision, List<String> consumes, List<String> produces,
      ExecutableElement method, String locatorPath, boolean anyImplementation, List<TypeName> bridgeTypes,
      String rootPath) {}

  /**
   * A sub-resource locator: its full template, the operations it leads to (at any depth), and whether it may lead to a
   * class the processor cannot see (its return type is {@code Object}, a type variable, or a class already on the
   * path); {@code abstractReturn} names the interface or abstract class it declares, whose rules bind to every
   * implementation; {@code beside}, what JAX-RS matches before it among the methods of its class; {@code rootPath}, the
   * template of the root resource class that leads to it; {@code registeredRoot}, that class's template as RESTEasy
   * registers it, by which it sorts the root resource classes ({@link Templates#registered}); {@code outermost},
   * whether that class declares it (no other locator leads to it); {@code entry}, the template at which RESTEasy
   * registers the outermost locator on the way to it, by which it sorts that locator among the root operations
   * ({@link Templates#registered}); {@code decision}, what JSR-250 says of the locator, the locators before it
   * included; {@code returnsUnseen}, whether it may return a class the processor did not see, whose methods no filter
   * carrying that decision binds: its return type names no class to scan ({@code Object}, {@code Class<?>}, a type
   * variable), or a class that is not final (an implementation or a subclass may add resource methods of its own);
   * {@code declared}, the class or interface it declares, where it names one that code in any package can name (public,
   * as the classes enclosing it): a locator declaring another is treated as one declaring no class.
   */
  public record ScannedLocator(String path, ExecutableElement method, List<ScannedRoute> reached, boolean leadsToUnseen,
      Optional<String> abstractReturn, RouteModel.Locator locator, List<RouteModel.Beside> beside, String rootPath,
      String registeredRoot, boolean outermost, String entry, Decision decision, boolean returnsUnseen,
      Optional<ClassName> declared) {}

  /**
   * What one or more root resource classes give. {@code pathTypes}: for a root resource whose {@code @Path} stands on
   * an interface or abstract class it implements or extends, the types a JAX-RS runtime may report as its resource
   * class besides itself (RESTEasy reports the type carrying {@code @Path}; Jersey the class). {@code unreadRules}:
   * the classes and methods whose JSR-250 annotations were looked for and that carry annotations stating a rule
   * nothing reads ({@link Decision#unreadRules}), each with those annotations. {@code notInherited}: operations no
   * rule governs whose resource class extends a class with a class-level JSR-250 annotation, which governs only the
   * methods that class declares.
   */
  public record Scan(List<ScannedRoute> routes, List<ScannedLocator> locators,
      Map<ClassName, List<ClassName>> pathTypes, Map<Element, List<AnnotationMirror>> unreadRules,
      List<NotInherited> notInherited, List<DisputedOverride> disputedOverrides) {
    public Scan {
      routes = List.copyOf(routes);
      locators = List.copyOf(locators);
      pathTypes = Map.copyOf(pathTypes);
      unreadRules = Collections.unmodifiableMap(new LinkedHashMap<>(unreadRules));
      notInherited = List.copyOf(notInherited);
      disputedOverrides = List.copyOf(disputedOverrides);
    }
  }

  /**
   * A resource method or locator ({@code method}, of {@code resource}) that no JSR-250 rule governs, below a superclass
   * whose class-level rule ({@code rule}) does not reach it.
   */
  public record NotInherited(ExecutableElement method, TypeElement resource, TypeElement superclass,
      AnnotationMirror rule) {}

  /**
   * A method ({@code method}) overriding one that carries the JAX-RS annotations ({@code annotated}), with JAX-RS
   * annotations of its own on itself or its parameters ({@code @QueryParam}, {@code @Produces}, ...) but neither an
   * HTTP method nor {@code @Path}: by JAX-RS 3.6 it then inherits none of them, and Jersey and Apache CXF serve it
   * not at all, where RESTEasy takes the overridden method's (as the scan does, so that its rule is bound there).
   */
  public record DisputedOverride(ExecutableElement method, ExecutableElement annotated) {}

  /** The root resource classes among {@code roots} and their nested classes. */
  public List<TypeElement> resourceClasses(Iterable<? extends Element> roots) {
    List<TypeElement> found = new ArrayList<>();
    for (Element root : roots) {
      collect(root, found);
    }
    return found;
  }

  private void collect(Element e, List<TypeElement> found) {
    // A record is a class too, and JAX-RS creates one through its public constructor like any other; an enum is one
    // an application registers as its instance (a singleton), which every runtime serves. Its @Path may stand on an
    // interface or abstract class it implements or extends, where both runtimes find it (an API interface generated
    // from an OpenAPI document, say); a subclass of a concrete @Path class is that class's concern.
    if ((e.getKind() == ElementKind.CLASS || e.getKind() == ElementKind.RECORD || e.getKind() == ElementKind.ENUM)
        && !e.getModifiers().contains(Modifier.ABSTRACT)
        && PathTypes.found((TypeElement) e).filter(t -> t.equals(e) || isAbstract(t)).isPresent()) {
      found.add((TypeElement) e);
    }
    for (TypeElement nested : ElementFilter.typesIn(e.getEnclosedElements())) {
      collect(nested, found);
    }
  }

  /** Whether {@code type} lies in one of {@code packages} or below. */
  public boolean inScope(TypeElement type, List<String> packages) {
    return inPackages(elements.getPackageOf(type).getQualifiedName().toString(), packages);
  }

  static boolean inPackages(String name, List<String> packages) {
    for (String base : packages) {
      if (base.isEmpty() || name.equals(base) || name.startsWith(base + ".")) {
        return true;
      }
    }
    return false;
  }

  /** The package of {@code e}. */
  String packageOf(Element e) {
    PackageElement p = elements.getPackageOf(e);
    return p.getQualifiedName().toString();
  }

  /**
   * The most operations and locators the resources of one configuration may lead to, counted once per path: locators
   * that lead to one another's classes reach each class along every order of them (five classes with locators to
   * each other, some hundred thousand paths), more than a compiler can hold or a filter try per request.
   */
  public static final int MOST_PATHS = 20_000;

  /**
   * Thrown where a scan passes {@link #MOST_PATHS}: at the next locator, whose template below the application path is
   * the message.
   */
  public static final class TooManyPaths extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ExecutableElement locator;

    TooManyPaths(ExecutableElement locator, String path) {
      super(path, null, false, false);
      this.locator = locator;
    }

    /** The locator being scanned when the count passed the limit. */
    public ExecutableElement locator() {
      return locator;
    }

    /** Its path below the application path, which is the message. */
    public String path() {
      return getMessage();
    }
  }

  /**
   * The operations and locators of one root resource class, at most {@code most} of them.
   *
   * @throws TooManyPaths where there would be more
   */
  public Scan scan(TypeElement root, int most) {
    List<ScannedRoute> routes = new ArrayList<>();
    List<ScannedLocator> locators = new ArrayList<>();
    Deque<TypeElement> path = new ArrayDeque<>();
    path.push(root);
    TypeElement annotated = PathTypes.found(root).orElse(root);
    String written = pathOf(annotated).orElse("");
    String rootPath = join(written);
    Map<Element, List<AnnotationMirror>> unreadRules = new LinkedHashMap<>();
    List<NotInherited> notInherited = new ArrayList<>();
    List<DisputedOverride> disputed = new ArrayList<>();
    scanClass(root, rootPath, null, "", "", new Root(rootPath, written), List.of(), path, routes, locators,
        new Findings(unreadRules, notInherited, disputed, new int[] {most}));
    Set<ClassName> reported = new LinkedHashSet<>();
    for (TypeElement t : List.of(annotated, PathTypes.reported(root).orElse(root))) {
      if (!t.equals(root)) {
        reported.add(ClassName.get(t));
      }
    }
    return new Scan(routes, locators,
        reported.isEmpty() ? Map.of() : Map.of(ClassName.get(root), List.copyOf(reported)), unreadRules, notInherited,
        disputed);
  }

  /** A root resource class as a scan of it sees it: its template, and its {@code @Path} as written. */
  private record Root(String path, String written) {
    /** Its template as RESTEasy registers it ({@link Templates#registered}). */
    String registered() {
      return Templates.registered(written, "");
    }
  }

  /**
   * What the scan finds besides operations: rules nothing reads, and superclass rules that do not reach a method; and
   * how many more operations and locators it may visit ({@code left[0]}).
   */
  private record Findings(Map<Element, List<AnnotationMirror>> unreadRules, List<NotInherited> notInherited,
      List<DisputedOverride> disputed, int[] left) {
    /** Counts one operation. */
    void operation() {
      left[0]--;
    }

    /**
     * Counts {@code locator}, at {@code path}: where the count has passed the limit, the scan ends there (locators
     * are what multiply paths; a class of many methods alone only adds them).
     */
    void locator(ExecutableElement locator, String path) {
      if (--left[0] < 0) {
        throw new TooManyPaths(locator, path);
      }
    }
  }

  /**
   * Scans the public methods of {@code resource} under {@code prefix}.
   *
   * @param inherited the decision of the locator that leads here, or {@code null}
   * @param entry the template at which RESTEasy registers the outermost locator that leads here
   *     ({@link Templates#registered}), or empty
   * @param root the root resource class that leads here
   * @param findings where annotations stating a rule nothing reads stand among the elements read for a decision, and
   *     superclass rules that do not reach a method
   * @return whether anything below may be unseen
   */
  private boolean scanClass(TypeElement resource, String prefix, Decision inherited, String locatorPath,
      String entry, Root root, List<RouteModel.Beside> before, Deque<TypeElement> onPath,
      List<ScannedRoute> routes, List<ScannedLocator> locators, Findings findings) {
    boolean unseen = false;
    String rootPath = root.path();
    // Class-level media types stand where Jersey reads them: on the type carrying the class's @Path, if any.
    TypeElement classLevel = PathTypes.found(resource).orElse(resource);
    // Each public method with the method carrying its JAX-RS annotations, each sub-path of the class with the
    // request methods served there (a locator's, "*", takes every method), and those the class serves itself.
    Map<ExecutableElement, ExecutableElement> methods = new LinkedHashMap<>();
    Map<String, Set<String>> subPaths = new TreeMap<>();
    Set<String> own = new TreeSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(resource))) {
      if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)
          || ((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object")) {
        continue;
      }
      ExecutableElement annotated = jaxRsAnnotated(method, resource);
      methods.put(method, annotated);
      if (!annotated.equals(method) && hasOtherJaxRsAnnotation(method)) {
        // Served as the overridden method by RESTEasy alone: not what JAX-RS matches before a locator elsewhere, so
        // that a guard asks a token where Jersey and CXF take the request past it (to a locator at "").
        findings.disputed().add(new DisputedOverride(method, annotated));
        continue;
      }
      pathOf(annotated).ifPresentOrElse(sub -> subPaths.computeIfAbsent(join(sub), k -> new TreeSet<>())
          .addAll(httpMethod(annotated).map(RouteScanner::served).orElse(List.of("*"))),
          () -> httpMethod(annotated).ifPresent(m -> own.addAll(served(m))));
    }
    for (Map.Entry<ExecutableElement, ExecutableElement> member : methods.entrySet()) {
      ExecutableElement method = member.getKey();
      ExecutableElement annotated = member.getValue();
      Optional<String> httpMethod = httpMethod(annotated);
      Optional<String> subPath = pathOf(annotated);
      Decision decision = Decision.of(method, annotated, resource);
      if (httpMethod.isPresent() || subPath.isPresent()) {
        for (Element read : List.of(method, annotated, resource, annotated.getEnclosingElement())) {
          List<AnnotationMirror> unread = Decision.unreadRules(read);
          if (!unread.isEmpty()) {
            findings.unreadRules().putIfAbsent(read, unread);
          }
        }
      }
      if (inherited != null) {
        decision = decision.and(inherited);
      }
      if ((httpMethod.isPresent() || subPath.isPresent()) && decision.sources().isEmpty()) {
        superclassRule(resource).ifPresent(s -> findings.notInherited().add(new NotInherited(method, resource,
            s, Decision.rule(s))));
      }
      List<TypeName> parameterTypes = erasedParameters(method);
      if (httpMethod.isPresent()) {
        // A generic supertype's declaration that the class overrides: the compiler's bridge has its erasure, whether
        // that declaration carries the JAX-RS annotations or the override does (Apache CXF reports bridges).
        List<TypeName> declared = erasedParameters(annotated);
        if (declared.equals(parameterTypes)) {
          declared = overriddenErasure(method, resource).orElse(declared);
        }
        findings.operation();
        routes.add(new ScannedRoute(ClassName.get(resource), method.getSimpleName().toString(), parameterTypes,
            httpMethod.get(), join(prefix, subPath.orElse("")), decision,
            mediaTypes(annotated, classLevel, Names.CONSUMES), mediaTypes(annotated, classLevel, Names.PRODUCES),
            method, locatorPath, isAbstract(resource) || (!locatorPath.isEmpty() && !isFinal(resource)),
            declared.equals(parameterTypes) ? List.of() : declared, rootPath));
      } else if (subPath.isPresent()) {
        String locator = join(prefix, subPath.get());
        // Where the root resource class declares it, RESTEasy sorts it among the root operations as it registers it.
        String registered = locatorPath.isEmpty()
            ? Templates.registered(root.written(), subPath.get())
            : entry;
        findings.locator(method, locator);
        List<ScannedRoute> reached = new ArrayList<>();
        Optional<TypeElement> sub = subResourceClass(types.asMemberOf((DeclaredType) resource.asType(), method));
        // JAX-RS reports the class of the object a locator returns, never an interface or abstract class, and a
        // subclass when it returns one: the rules of the declared type bind to every class implementing or extending
        // it (RouteModel.anyImplementation), after the classes the processor saw themselves. A sealed type names
        // every class it may be: those are scanned, each with its own rules.
        List<TypeElement> returned = sub.map(RouteScanner::classesOf).orElse(List.of());
        Optional<String> abstractReturn = returned.stream().filter(RouteScanner::isAbstract).findFirst()
            .map(t -> t.getQualifiedName().toString());
        boolean leadsToUnseen = returned.isEmpty();
        Decision passed = decision.source() == null && inherited == null ? null : decision;
        // What JAX-RS matches before this locator, or before one on the way to it, never reaches what it leads to.
        List<RouteModel.Beside> beside = new ArrayList<>(before);
        beside.addAll(beside(prefix, join(subPath.get()), subPaths, own));
        for (TypeElement target : returned) {
          if (onPath.contains(target)) {
            leadsToUnseen = true;
            // A class already on the path (folders within folders): where the locator brings a rule, that class's
            // methods are scanned once more behind it, so that they bind its rule too (one rule per method, all of
            // its paths'); a locator there that returns it again stops.
            if (passed != null && onPath.stream().filter(target::equals).count() == 1) {
              onPath.push(target);
              scanClass(target, locator, passed, locatorPath.isEmpty() ? locator : locatorPath, registered,
                  root, List.copyOf(beside), onPath, reached, locators, findings);
              onPath.pop();
            }
            continue;
          }
          onPath.push(target);
          leadsToUnseen |= scanClass(target, locator, passed, locatorPath.isEmpty() ? locator : locatorPath,
              registered, root, List.copyOf(beside), onPath, reached, locators, findings);
          onPath.pop();
        }
        locators.add(new ScannedLocator(locator, method, List.copyOf(reached), leadsToUnseen, abstractReturn,
            new RouteModel.Locator(ClassName.get(resource), method.getSimpleName().toString(), parameterTypes),
            List.copyOf(beside), rootPath, root.registered(), locatorPath.isEmpty(), registered, decision,
            returned.isEmpty() || returned.stream().anyMatch(t -> !t.getModifiers().contains(Modifier.FINAL)),
            returned.isEmpty() ? Optional.empty()
                : sub.filter(t -> Visibility.hiddenFrom(elements, t, "").isEmpty()).map(ClassName::get)));
        routes.addAll(reached);
        unseen |= leadsToUnseen;
      }
    }
    return unseen;
  }

  /** The nearest superclass of {@code resource} carrying a class-level JSR-250 annotation. */
  private static Optional<TypeElement> superclassRule(TypeElement resource) {
    for (TypeMirror s = resource.getSuperclass(); s.getKind() == TypeKind.DECLARED;
        s = ((TypeElement) ((DeclaredType) s).asElement()).getSuperclass()) {
      TypeElement type = (TypeElement) ((DeclaredType) s).asElement();
      if (Decision.rule(type) != null) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * What JAX-RS matches before the locator at {@code sub} among its class's {@code subPaths} (each with the request
   * methods served there, {@code *} for a locator): those every runtime sorts first ({@link Templates#siblingFirst}),
   * resource methods also where JAX-RS sorts them alike. A path that is a locator's and a method's too, its locator
   * sorted first, takes every method. The class's own resource methods ({@code own} methods served) take its own
   * path, which JAX-RS never hands to a locator, even one whose template matches nothing ({@code {rest: .*}}). None
   * where a parameter of the class's {@code prefix} may match a slash: which part of a path the class then sees is not
   * known here.
   */
  private static List<RouteModel.Beside> beside(String prefix, String sub, Map<String, Set<String>> subPaths,
      Set<String> own) {
    List<RouteModel.Beside> beside = new ArrayList<>();
    if (!Templates.withinSegments(prefix)) {
      return beside;
    }
    Predicate<String> reaching = Templates.reaching(join(prefix, sub));
    if (!own.isEmpty() && (reaching.test(join(prefix)) || reaching.test(join(prefix) + "/"))) {
      beside.add(new RouteModel.Beside(join(prefix), List.copyOf(own)));
    }
    subPaths.forEach((path, served) -> {
      if (!reaching.test(join(prefix, path))) {
        return;
      }
      List<String> methods = served.stream().filter(m -> !m.equals("*")).sorted().toList();
      if (served.contains("*") && Templates.siblingFirst(path, sub, false)) {
        beside.add(new RouteModel.Beside(join(prefix, path), List.of()));
      } else if (!methods.isEmpty() && Templates.siblingFirst(path, sub, true)) {
        beside.add(new RouteModel.Beside(join(prefix, path), methods));
      }
    });
    return beside;
  }

  /** The request methods a resource method for {@code httpMethod} serves: JAX-RS answers HEAD with a GET method. */
  static List<String> served(String httpMethod) {
    return httpMethod.equals("GET") ? List.of("GET", "HEAD") : List.of(httpMethod);
  }

  private List<TypeName> erasedParameters(ExecutableElement method) {
    return method.getParameters().stream()
        .map(p -> TypeName.get(types.erasure(p.asType()))).collect(Collectors.toList());
  }

  /**
   * The classes an object of {@code type} may have, as far as the processor can tell: a sealed type's permitted
   * classes (sealed ones followed down, the type itself too when it is not abstract), else {@code type}.
   */
  private static List<TypeElement> classesOf(TypeElement type) {
    if (!type.getModifiers().contains(Modifier.SEALED)) {
      return List.of(type);
    }
    List<TypeElement> classes = new ArrayList<>();
    if (!isAbstract(type)) {
      classes.add(type);
    }
    for (TypeMirror permitted : type.getPermittedSubclasses()) {
      classes.addAll(classesOf((TypeElement) ((DeclaredType) permitted).asElement()));
    }
    return classes;
  }

  static boolean isAbstract(TypeElement type) {
    return type.getKind() == ElementKind.INTERFACE || type.getModifiers().contains(Modifier.ABSTRACT);
  }

  /**
   * Whether no class can extend {@code type}. A locator declaring a class that is not final may return a subclass,
   * which JAX-RS then reports: the declared class's rules bind to its subclasses too.
   */
  private static boolean isFinal(TypeElement type) {
    return type.getModifiers().contains(Modifier.FINAL) || type.getKind() == ElementKind.RECORD
        || type.getKind() == ElementKind.ENUM;
  }

  /**
   * The class a locator returns, when it is one the processor can scan. A locator may also return a class, which Jersey
   * instantiates: {@code Class<Bin>} and {@code Class<? extends Bin>} lead to {@code Bin} (and what extends it) as a
   * locator declaring {@code Bin} does; {@code Class<?>}, like {@code Object}, leads to classes the processor cannot
   * see.
   */
  private Optional<TypeElement> subResourceClass(TypeMirror methodType) {
    TypeMirror returned = ((javax.lang.model.type.ExecutableType) methodType).getReturnType();
    if (returned.getKind() == TypeKind.DECLARED && returned instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.Class")) {
      if (declared.getTypeArguments().size() != 1) {
        return Optional.empty();
      }
      TypeMirror argument = declared.getTypeArguments().get(0);
      return scannable(argument instanceof WildcardType wildcard ? wildcard.getExtendsBound() : argument);
    }
    return scannable(returned);
  }

  /** {@code type} as a class the processor can scan: not {@code Object}, {@code Class}, a type variable or none. */
  private static Optional<TypeElement> scannable(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String name = element.getQualifiedName().toString();
    return name.equals("java.lang.Object") || name.equals("java.lang.Class") ? Optional.empty() : Optional.of(element);
  }

  /**
   * The method that carries the JAX-RS annotations (JAX-RS 3.6): {@code method} itself when it has any, else the first
   * method it overrides that has some, superclasses before interfaces.
   */
  private ExecutableElement jaxRsAnnotated(ExecutableElement method, TypeElement resource) {
    return hasJaxRsAnnotation(method) ? method
        : overridden(method, resource, RouteScanner::hasJaxRsAnnotation).orElse(method);
  }

  /** The erased parameters of a supertype's method that {@code method} overrides, where they differ from its own. */
  private Optional<List<TypeName>> overriddenErasure(ExecutableElement method, TypeElement resource) {
    List<TypeName> own = erasedParameters(method);
    return overridden(method, resource, candidate -> !erasedParameters(candidate).equals(own))
        .map(this::erasedParameters);
  }

  /** The first method of {@code resource}'s supertypes that {@code method} overrides and {@code test} accepts. */
  private Optional<ExecutableElement> overridden(ExecutableElement method, TypeElement resource,
      Predicate<ExecutableElement> test) {
    for (TypeElement supertype : supertypes(resource)) {
      for (ExecutableElement candidate : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
        if (candidate.getSimpleName().equals(method.getSimpleName()) && !candidate.equals(method)
            && elements.overrides(method, candidate, resource) && test.test(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasJaxRsAnnotation(ExecutableElement method) {
    return httpMethod(method).isPresent() || AnnotationValues.has(method, Names.PATH);
  }

  /**
   * Whether {@code method} or one of its parameters carries a JAX-RS annotation ({@code jakarta.ws.rs} and its
   * packages: {@code @Produces}, {@code @QueryParam}, {@code @Context}, ...), which by JAX-RS 3.6 keeps it from
   * inheriting any.
   */
  private static boolean hasOtherJaxRsAnnotation(ExecutableElement method) {
    List<Element> annotated = new ArrayList<>(method.getParameters());
    annotated.add(method);
    for (Element e : annotated) {
      for (AnnotationMirror a : e.getAnnotationMirrors()) {
        String type = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
        if (type.startsWith("jakarta.ws.rs.")) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code type}'s superclasses (nearest first), then its interfaces (breadth first). */
  private List<TypeElement> supertypes(TypeElement type) {
    Set<TypeElement> classes = new LinkedHashSet<>();
    for (TypeMirror s = type.getSuperclass(); s.getKind() == TypeKind.DECLARED;
        s = ((TypeElement) types.asElement(s)).getSuperclass()) {
      classes.add((TypeElement) types.asElement(s));
    }
    Set<TypeElement> interfaces = new LinkedHashSet<>();
    Deque<TypeElement> queue = new ArrayDeque<>();
    queue.add(type);
    queue.addAll(classes);
    while (!queue.isEmpty()) {
      for (TypeMirror i : queue.poll().getInterfaces()) {
        TypeElement e = (TypeElement) types.asElement(i);
        if (interfaces.add(e)) {
          queue.add(e);
        }
      }
    }
    List<TypeElement> all = new ArrayList<>(classes);
    all.addAll(interfaces);
    return all;
  }

  private static Optional<String> httpMethod(Element method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      Element annotationType = a.getAnnotationType().asElement();
      Optional<AnnotationMirror> designator = AnnotationValues.find(annotationType, Names.HTTP_METHOD);
      if (designator.isPresent()) {
        return AnnotationValues.string(designator.get(), "value");
      }
    }
    return Optional.empty();
  }

  /**
   * The values of {@code @Consumes} or {@code @Produces} on the method, else on the class; empty when neither has one.
   */
  private static List<String> mediaTypes(Element method, Element resource, String annotation) {
    for (Element e : List.of(method, resource)) {
      Optional<AnnotationMirror> m = AnnotationValues.find(e, annotation);
      if (m.isPresent()) {
        return AnnotationValues.strings(m.get(), "value").stream()
            .flatMap(t -> java.util.Arrays.stream(t.split(",")))
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .collect(Collectors.toList());
      }
    }
    return List.of();
  }

  static Optional<String> pathOf(Element e) {
    return pathOf(e, Names.PATH);
  }

  /** The {@code value} of {@code @Path} or {@code @ApplicationPath} on {@code e}. */
  static Optional<String> pathOf(Element e, String annotation) {
    return AnnotationValues.find(e, annotation).flatMap(m -> AnnotationValues.string(m, "value"));
  }

  private static final Pattern EDGE_SLASHES = Pattern.compile("^/+|/+$");

  /** Joins JAX-RS path fragments as the runtime does: one slash between, one at the start, none at the end. */
  public static String join(String... fragments) {
    StringBuilder path = new StringBuilder();
    for (String f : fragments) {
      String trimmed = EDGE_SLASHES.matcher(f).replaceAll("");
      if (!trimmed.isEmpty()) {
        path.append('/').append(trimmed);
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }
}
