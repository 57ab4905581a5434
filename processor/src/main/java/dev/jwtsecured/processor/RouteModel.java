package dev.jwtsecured.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Comparator;
import java.util.List;

/**
 * One JAX-RS operation of the compilation: a resource method with an HTTP method designator.
 *
 * @param resourceClass the root resource class JAX-RS reports as the resource class
 * @param methodName the Java method name
 * @param parameterTypes the erased parameter types, as {@code Method.getParameterTypes()} reports them
 * @param httpMethod {@code GET}, {@code POST}, ...
 * @param path the path template, starting with {@code /}
 * @param access what the operation requires
 * @param roles the roles of {@code @RolesAllowed}, sorted, when {@code access} is {@link Access#ROLES}
 * @param consumes media types of {@code @Consumes} (method, else class), as written
 * @param produces media types of {@code @Produces} (method, else class), as written
 */
public record RouteModel(
    ClassName resourceClass,
    String methodName,
    List<TypeName> parameterTypes,
    String httpMethod,
    String path,
    Access access,
    List<String> roles,
    List<String> consumes,
    List<String> produces) {

  /** Sorts routes by resource class, method name and parameter types: the order of every generated table. */
  public static final Comparator<RouteModel> ORDER =
      Comparator.comparing((RouteModel r) -> r.resourceClass().canonicalName())
          .thenComparing(RouteModel::methodName)
          .thenComparing(r -> r.parameterTypes().toString());

  /** What an operation requires, from {@code @PermitAll}, {@code @DenyAll} and {@code @RolesAllowed}. */
  public enum Access {
    AUTHENTICATED,
    PERMIT_ALL,
    DENY_ALL,
    ROLES
  }
}
