package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.RouteModel;
import static dev.jwtsecured.processor.generation.GeneratedTypes.ACCESS_RULE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.DYNAMIC_FEATURE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.FEATURE_CONTEXT;
import static dev.jwtsecured.processor.generation.GeneratedTypes.REQUEST_AUTH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.PRIORITIES;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESOURCE_INFO;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESOURCE_METHODS;
import static dev.jwtsecured.processor.generation.GeneratedTypes.ROUTE_SCOPE;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwtPolicies}: a JAX-RS {@code DynamicFeature} that, when JAX-RS deploys each resource method,
 * binds the filter with the rule the processor decided for that method. Methods of other configurations get nothing;
 * methods nobody compiled get "valid token required" (or 403) from {@code RouteScope}.
 */
public final class PoliciesGenerator implements SourceGenerator {
  private static final ClassName METHOD = ClassName.get("java.lang.reflect", "Method");
  private static final ParameterizedTypeName ANY_CLASS =
      ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));

  @Override
  public TypeSpec generate(ConfigModel model) {
    TypeSpec.Builder type = TypeSpec.classBuilder(model.policiesClass())
        .addJavadoc("Binds {@link $T} to the resource methods of {@link $T}, each with its compile-time rule.\n",
            model.filterClass(), model.configClass())
        .addJavadoc("Registered by {@link $T}.\n", model.featureClass())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(DYNAMIC_FEATURE)
        .addField(REQUEST_AUTH, "auth", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(REQUEST_AUTH, "auth")
        .addStatement("this.auth = auth");
    if (model.filterNeedsInstance()) {
      type.addField(model.configClass(), "config", Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(model.configClass(), "config").addStatement("this.config = config");
    }
    type.addField(ROUTE_SCOPE, "scope", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(constructor.addParameter(ROUTE_SCOPE, "scope").addStatement("this.scope = scope").build());

    CodeBlock filterArguments = model.filterNeedsInstance()
        ? CodeBlock.of("auth, config, rule") : CodeBlock.of("auth, rule");
    type.addMethod(MethodSpec.methodBuilder("configure")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(RESOURCE_INFO, "resourceInfo")
        .addParameter(FEATURE_CONTEXT, "context")
        .addComment("Asked by the runtime, or through $T where the runtime dropped this.", model.featureCheckClass())
        .addStatement("scope.markConsulted()")
        .addStatement("$T resourceClass = resourceInfo.getResourceClass()", ANY_CLASS)
        .addStatement("$T method = resourceInfo.getResourceMethod()", METHOD)
        .beginControlFlow("if (resourceClass == null || method == null)")
        .addStatement("return")
        .endControlFlow()
        .addStatement("$T rule = rule(resourceClass, method)", ACCESS_RULE)
        .beginControlFlow("if (rule == null)")
        .addCode(model.locators().isEmpty() ? CodeBlock.of("")
            : CodeBlock.builder().beginControlFlow("if (locator(resourceClass, method))")
                .addStatement("return").endControlFlow().build())
        .addStatement("rule = scope.unseen(resourceClass, method, $T::rule)", model.policiesClass())
        .beginControlFlow("if (rule == null)")
        .addComment("Another configuration's, or a generated resource that checks what it needs itself.")
        .addStatement("return")
        .endControlFlow()
        .endControlFlow()
        .addStatement("context.register(new $T($L), $T.AUTHENTICATION)", model.filterClass(), filterArguments,
            PRIORITIES)
        .build());
    Map<String, Group> groups = groups(model);
    type.addMethod(ruleMethod(groups));
    type.addMethod(knowsMethod(groups));
    if (!model.locators().isEmpty()) {
      type.addMethod(locatorMethod(model));
    }
    return type.build();
  }

  /**
   * Whether a method of a class the processor saw is a sub-resource locator: Quarkus REST asks dynamic features about
   * locators too, and the operations behind a locator have their own filters (and, where all need a token, the locator
   * guard). The class must be the very one: a subclass may make the method a resource method, which then gets the
   * rule of an unseen method.
   */
  /** {@code , "java.lang.String", ...}: the names of {@code types} as arguments. */
  private static CodeBlock typeList(List<TypeName> types) {
    return types.stream().map(t -> CodeBlock.of(", $S", typeName(t))).collect(CodeBlock.joining(""));
  }

  private static MethodSpec locatorMethod(ConfigModel model) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (RouteModel.Locator l : model.locators()) {
      body.beginControlFlow("if (resourceClass == $T.class && $T.is(method, $S$L))", l.resourceClass(),
              RESOURCE_METHODS, l.methodName(), typeList(l.parameterTypes()))
          .addStatement("return true")
          .endControlFlow();
    }
    return MethodSpec.methodBuilder("locator")
        .addJavadoc("Whether {@code method} is a sub-resource locator of {@code resourceClass}, which binds nothing.\n")
        .addModifiers(Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(ANY_CLASS, "resourceClass")
        .addParameter(METHOD, "method")
        .addCode(body.addStatement("return false").build())
        .build();
  }

  /**
   * The classes the processor saw return their rule. A class may implement several types locators declare, each with
   * a rule for the same method, and JAX-RS binds one filter to its method whichever locator reached it: those rules
   * are combined, the stricter winning.
   */
  private static MethodSpec ruleMethod(Map<String, Group> groups) {
    CodeBlock.Builder body = CodeBlock.builder();
    boolean declaredTypes = false;
    for (Group group : groups.values()) {
      if (group.anyImplementation() && !declaredTypes) {
        declaredTypes = true;
        body.add("// The types locators declare and the types carrying a root resource's @Path: a class implementing\n")
            .add("// several gets the stricter of their rules.\n")
            .addStatement("$T declared = null", ACCESS_RULE);
      }
      body.beginControlFlow("if ($L)", group.matches());
      for (RouteModel r : group.routes()) {
        CodeBlock matches = CodeBlock.of("$T.is(method, $S$L)", RESOURCE_METHODS, r.methodName(),
            typeList(r.parameterTypes()));
        if (!r.bridgeTypes().isEmpty()) {
          // The bridge method of a generic supertype's declaration, which Apache CXF reports.
          matches = CodeBlock.of("$L\n|| $T.is(method, $S$L)", matches, RESOURCE_METHODS, r.methodName(),
              typeList(r.bridgeTypes()));
        }
        body.add("// $L $L\n", SourceGenerator.commentText(r.httpMethod()), SourceGenerator.commentText(r.path()))
            .beginControlFlow("if ($L)", matches)
            .addStatement(declaredTypes ? CodeBlock.of("declared = $T.stricter(declared, $L)", ACCESS_RULE, rule(r))
                : CodeBlock.of("return $L", rule(r)))
            .endControlFlow();
      }
      body.endControlFlow();
    }
    body.addStatement(declaredTypes ? "return declared" : "return null");
    return MethodSpec.methodBuilder("rule")
        .addJavadoc("The rule the processor decided for a resource method it saw, or {@code null}.\n")
        .addModifiers(Modifier.STATIC)
        .returns(ACCESS_RULE)
        .addParameter(ANY_CLASS, "resourceClass")
        .addParameter(METHOD, "method")
        .addCode(body.build())
        .build();
  }

  /**
   * An erased parameter type as {@code Class.getTypeName()} gives it at run time: the binary name of a class
   * ({@code Outer$Inner}), {@code []} per array dimension, a primitive's keyword.
   */
  static String typeName(TypeName type) {
    TypeName plain = type.withoutAnnotations();
    if (plain instanceof ArrayTypeName array) {
      return typeName(array.componentType()) + "[]";
    }
    return plain instanceof ClassName c ? c.reflectionName() : plain.toString();
  }

  /**
   * The routes of one type, and whether they bind to every class implementing or extending it ({@code
   * anyImplementation}: JAX-RS reports the returned object's class for a type a locator declares that is not final,
   * and RESTEasy reports the type carrying a root resource's {@code @Path}) or to the class itself.
   */
  private record Group(ClassName type, boolean anyImplementation, List<RouteModel> routes) {
    /** The test for {@code resourceClass}. */
    CodeBlock matches() {
      return anyImplementation
          ? CodeBlock.of("$T.class.isAssignableFrom(resourceClass)", type)
          : CodeBlock.of("resourceClass == $T.class", type);
    }
  }

  private static MethodSpec knowsMethod(Map<String, Group> groups) {
    CodeBlock condition = groups.values().stream()
        .map(Group::matches)
        .collect(CodeBlock.joining("\n|| "));
    return MethodSpec.methodBuilder("knows")
        .addJavadoc("Whether the processor saw {@code resourceClass} for this configuration.\n")
        .addModifiers(Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(ANY_CLASS, "resourceClass")
        .addStatement("return $L", condition.isEmpty() ? CodeBlock.of("false") : condition)
        .build();
  }

  /**
   * The routes by type, by name: the classes themselves first, then the types other classes may implement or extend
   * (those locators declare, and those carrying a root resource's {@code @Path}, under which its routes stand again),
   * so that a class the processor saw keeps its own rules before those of a type it implements or extends.
   */
  private static Map<String, Group> groups(ConfigModel model) {
    Map<String, Group> groups = new TreeMap<>();
    for (RouteModel r : model.routes()) {
      add(groups, r.resourceClass(), r.anyImplementation(), r);
      if (r.locatorPath().isEmpty()) {
        for (ClassName type : model.pathTypes().getOrDefault(r.resourceClass(), List.of())) {
          add(groups, type, true, r);
        }
      }
    }
    return groups;
  }

  private static void add(Map<String, Group> groups, ClassName type, boolean anyImplementation, RouteModel r) {
    groups.computeIfAbsent((anyImplementation ? "1 " : "0 ") + type.canonicalName(),
        k -> new Group(type, anyImplementation, new ArrayList<>())).routes().add(r);
  }

  private static CodeBlock rule(RouteModel r) {
    switch (r.policy()) {
      case EXCLUDED:
      case EXCLUDED_METHOD:
      case PERMIT_ALL:
        return CodeBlock.of("$T.PUBLIC", ACCESS_RULE);
      case DENY_ALL:
        return CodeBlock.of("$T.DENY_ALL", ACCESS_RULE);
      case ROLES:
        return CodeBlock.of("$T.rolesAllowed($L)", ACCESS_RULE,
            r.roles().stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")));
      default:
        return CodeBlock.of("$T.AUTHENTICATED", ACCESS_RULE);
    }
  }
}
