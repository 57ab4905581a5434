package dev.jwtsecured.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Comparator;
import java.util.List;

/**
 * One JAX-RS operation the processor saw, with the policy it decided for it: a resource method of a root resource
 * class, inherited from a superclass or interface or declared there, or of a sub-resource class reached through a
 * locator. The filter, the route report and the OpenAPI document all read {@link #policy()}; none re-derives it.
 *
 * @param resourceClass the class JAX-RS reports as the resource class ({@code ResourceInfo.getResourceClass()})
 * @param methodName the Java method name
 * @param parameterTypes the erased parameter types, as {@code Method.getParameterTypes()} reports them
 * @param httpMethod {@code GET}, {@code POST}, ...
 * @param path the application-relative path template, starting with {@code /}
 * @param policy what the operation requires
 * @param roles what the {@code @RolesAllowed} rules that apply require together, when {@code policy} is
 *     {@link Policy#ROLES}; else {@link Roles#NONE}
 * @param consumes media types of {@code @Consumes} (method, else class), as written
 * @param produces media types of {@code @Produces} (method, else class), as written
 * @param locatorPath the template of the outermost sub-resource locator that leads here, or empty for a root resource
 * @param anyImplementation whether {@code resourceClass} is a type a locator declares that other classes may implement
 *     or extend (an interface, an abstract class, a class that is not final): JAX-RS reports the class of the object
 *     the locator returns, so the rule binds to every class implementing or extending it
 * @param bridgeTypes the erased parameter types of a generic supertype's method that the class overrides where they
 *     differ from {@code parameterTypes} (the declaration carrying the JAX-RS annotations, or any the override
 *     annotates anew), else empty: the compiler-made bridge method, which Apache CXF reports, and may invoke, in place
 *     of the override
 */
public record RouteModel(
    ClassName resourceClass,
    String methodName,
    List<TypeName> parameterTypes,
    String httpMethod,
    String path,
    Policy policy,
    Roles roles,
    List<String> consumes,
    List<String> produces,
    String locatorPath,
    boolean anyImplementation,
    List<TypeName> bridgeTypes) {

  public RouteModel {
    parameterTypes = List.copyOf(parameterTypes);
    bridgeTypes = List.copyOf(bridgeTypes);
    if (!bridgeTypes.isEmpty() && bridgeTypes.size() != parameterTypes.size()) {
      throw new IllegalArgumentException("a bridge method takes as many parameters as the method: " + methodName);
    }
    consumes = List.copyOf(consumes);
    produces = List.copyOf(produces);
  }

  /** Sorts routes by resource class, method name, parameter types and path: the order of every generated table. */
  public static final Comparator<RouteModel> ORDER =
      Comparator.comparing((RouteModel r) -> r.resourceClass().canonicalName())
          .thenComparing(RouteModel::methodName)
          .thenComparing(r -> r.parameterTypes().toString())
          .thenComparing(RouteModel::path);

  /**
   * A sub-resource locator method, as a runtime reports it to dynamic features (Quarkus REST does; Jersey and RESTEasy
   * ask them about resource methods only): the filter binds nothing to it, since the operations behind it have theirs.
   */
  public record Locator(ClassName resourceClass, String methodName, List<TypeName> parameterTypes) {
    public Locator {
      parameterTypes = List.copyOf(parameterTypes);
    }
  }

  /**
   * A class or interface that a locator bringing a rule declares ({@code type}), which is not final, and that rule
   * ({@link Policy#ROLES} with {@code roles}, or {@link Policy#DENY_ALL}): a class the processor did not see that
   * extends or implements it may add resource methods of its own, which JAX-RS serves behind the locator; they get the
   * rule, since no filter the processor bound carries it.
   */
  public record LocatorRule(ClassName type, Policy rule, Roles roles) {
    public LocatorRule {
      checkLocatorRule(true, rule, roles);
    }
  }

  /**
   * Refuses what no locator brings: a public rule, roles without {@link Policy#ROLES} (or none with it), and, where
   * {@code beyondToken}, a valid token alone.
   */
  private static void checkLocatorRule(boolean beyondToken, Policy rule, Roles roles) {
    boolean kind = rule == Policy.ROLES || rule == Policy.DENY_ALL || !beyondToken && rule == Policy.AUTHENTICATED;
    if (!kind || (rule == Policy.ROLES) == roles.equals(Roles.NONE)) {
      throw new IllegalArgumentException("a locator's rule: " + rule + " " + roles);
    }
  }

  /**
   * A sub-resource locator to authenticate before it runs ({@code path}, its full template; {@code rootPath}, the
   * template of the root resource class that leads to it, as RESTEasy registers it, by which the runtimes sort the root
   * resource classes; {@code entry}, the template at which RESTEasy registers the outermost locator on the way to it),
   * what JAX-RS matches before it ({@code beside}): a request
   * one of those takes never runs the locator, and the rule the guard checks besides a valid token ({@code rule}:
   * {@link Policy#AUTHENTICATED} for none, {@link Policy#ROLES} with {@code roles}, or {@link Policy#DENY_ALL}): the
   * locator's own, and that of the locators before it, which the guard checks before it runs since the locator may
   * return a class no filter binds them to.
   */
  public record GuardedLocator(String path, String rootPath, String entry, List<Beside> beside, Policy rule,
      Roles roles) {
    public GuardedLocator {
      beside = List.copyOf(beside);
      checkLocatorRule(false, rule, roles);
    }

    /** The same locator with {@code beside} for what JAX-RS matches before it. */
    public GuardedLocator withBeside(List<Beside> beside) {
      return new GuardedLocator(path, rootPath, entry, beside, rule, roles);
    }
  }

  /**
   * An operation of a root resource class, the generated resources among them, which JAX-RS may match before a
   * protected locator of another class: its full template, its class's template, and the request methods served there
   * ({@code HEAD} with {@code GET}); none for a locator the class declares, which takes every method at its template
   * and below.
   */
  public record RootOperation(String path, String rootPath, List<String> httpMethods) {
    public RootOperation {
      httpMethods = List.copyOf(httpMethods);
    }
  }

  /**
   * What JAX-RS matches before a locator: a sub-resource method or locator of its class whose template it sorts
   * first (more literal characters, else more parameters, else more with a regular expression of their own; JAX-RS
   * 3.7.2, step 3), or a resource method whose template it sorts alike, or a root resource's operation whose class
   * template and whole template both sort first (step 2; RESTEasy with wider matching compares whole templates, the
   * locator's as the outermost locator on the way to it). A path it matches goes there.
   *
   * @param path its full template
   * @param httpMethods the request methods it serves ({@code HEAD} with {@code GET}); empty for a locator, which
   *     takes every method
   */
  public record Beside(String path, List<String> httpMethods) {
    public Beside {
      httpMethods = List.copyOf(httpMethods);
    }
  }

  /** What JSR-250 annotations say about an operation, before the configuration's exclusions apply. */
  public enum Access {
    PERMIT_ALL,
    AUTHENTICATED,
    ROLES,
    DENY_ALL
  }

  /** How the filter treats an operation: decided once, at compile time. */
  public enum Policy {
    /** A valid token, no role. */
    AUTHENTICATED("protected", false),
    /** A valid token with one of the roles. */
    ROLES("protected", false),
    /** Public: an {@code exclude} pattern matches the template. */
    EXCLUDED("excluded", true),
    /** Public: its HTTP method is in {@code excludeMethods}. */
    EXCLUDED_METHOD("excluded-method", true),
    /** Public: {@code @PermitAll}. */
    PERMIT_ALL("public", true),
    /** 403 for everyone: {@code @DenyAll} or an empty {@code @RolesAllowed}. */
    DENY_ALL("denied", false);

    /** The route report's word for it. */
    public final String label;
    /** Whether it runs without a token (a valid one still makes the user available). */
    public final boolean isPublic;

    Policy(String label, boolean isPublic) {
      this.label = label;
      this.isPublic = isPublic;
    }

    /** Denied before roles before a valid token before public (whatever made it public). */
    public int strictness() {
      switch (this) {
        case DENY_ALL:
          return 3;
        case ROLES:
          return 2;
        case AUTHENTICATED:
          return 1;
        default:
          return 0;
      }
    }
  }
}
