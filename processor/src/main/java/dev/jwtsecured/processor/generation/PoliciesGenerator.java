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
import static dev.jwtsecured.processor.generation.MethodParts.ANY_CLASS;
import static dev.jwtsecured.processor.generation.MethodParts.METHOD;
import static dev.jwtsecured.processor.generation.MethodParts.SPLIT;
import static dev.jwtsecured.processor.generation.MethodParts.anyOf;
import static dev.jwtsecured.processor.generation.MethodParts.lookup;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
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
  private static final CodeBlock DECLARED = CodeBlock.builder()
      .add("// The types locators declare and the types carrying a root resource's @Path: a class implementing\n")
      .add("// several gets all of their rules.\n")
      .build();

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
      type.addField(model.configType(), "config", Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(model.configType(), "config").addStatement("this.config = config");
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
        .addCode(model.locatorRules().isEmpty() ? CodeBlock.of("") : CodeBlock.builder()
            .addStatement("rule = $T.both(behind(resourceClass), rule)", ACCESS_RULE).build())
        .endControlFlow()
        .addStatement("context.register(new $T($L), $T.AUTHENTICATION)", model.filterClass(), filterArguments,
            PRIORITIES)
        .build());
    Map<String, Group> groups = groups(model);
    ruleMethods(groups).forEach(type::addMethod);
    knowsMethods(groups).forEach(type::addMethod);
    if (!model.locators().isEmpty()) {
      locatorMethods(model).forEach(type::addMethod);
    }
    if (!model.locatorRules().isEmpty()) {
      type.addMethod(AccessRules.behindMethod(model));
    }
    return type.build();
  }

  /** {@code , "java.lang.String", ...}: the names of {@code types} as arguments. */
  private static CodeBlock typeList(List<TypeName> types) {
    return types.stream().map(t -> CodeBlock.of(", $S", typeName(t))).collect(CodeBlock.joining(""));
  }

  /**
   * Whether a method of a class the processor saw is a sub-resource locator: Quarkus REST asks dynamic features about
   * locators too, and the operations behind a locator have their own filters (and, where all need a token, the locator
   * guard). The class must be the very one: a subclass may make the method a resource method, which then gets the
   * rule of an unseen method.
   */
  private static List<MethodSpec> locatorMethods(ConfigModel model) {
    List<CodeBlock> parts = new ArrayList<>();
    for (List<RouteModel.Locator> part : MethodParts.split(model.locators(),
        l -> MethodParts.call(1 + l.parameterTypes().size()) + 16)) {
      CodeBlock.Builder body = CodeBlock.builder();
      for (RouteModel.Locator l : part) {
        body.beginControlFlow("if (resourceClass == $T.class && $T.is(method, $S$L))", l.resourceClass(),
                RESOURCE_METHODS, l.methodName(), typeList(l.parameterTypes()))
            .addStatement("return true")
            .endControlFlow();
      }
      parts.add(body.addStatement("return false").build());
    }
    return anyOf("locator", "Whether {@code method} is a sub-resource locator of {@code resourceClass}, which binds"
        + " nothing.\n", true, parts);
  }

  /** One group's routes, or a run of them where they would not fit one method. */
  private record Part(Group group, List<RouteModel> routes) {
    int cost() {
      return 16 + routes.stream().mapToInt(PoliciesGenerator::cost).sum();
    }
  }

  /** An estimate of the bytecode of one route's test and rule. */
  private static int cost(RouteModel r) {
    int cost = MethodParts.call(1 + r.parameterTypes().size()) + 8 + (r.roles().isEmpty() ? MethodParts.call(0)
        : r.roles().sets().stream().mapToInt(set -> MethodParts.call(set.size())).sum());
    return r.bridgeTypes().isEmpty() ? cost : cost + MethodParts.call(1 + r.bridgeTypes().size());
  }

  /** The groups that bind to their class alone, or those that bind to {@code anyImplementation}, each in parts. */
  private static List<List<Part>> parts(Map<String, Group> groups, boolean anyImplementation) {
    List<Part> parts = new ArrayList<>();
    for (Group group : groups.values()) {
      if (group.anyImplementation() == anyImplementation) {
        MethodParts.split(group.routes(), PoliciesGenerator::cost).forEach(run -> parts.add(new Part(group, run)));
      }
    }
    return MethodParts.split(parts, Part::cost);
  }

  /**
   * The classes the processor saw return their rule. A class may implement several types locators declare, each with
   * a rule for the same method, and JAX-RS binds one filter to its method whichever locator reached it: those rules
   * all apply ({@code AccessRule.both}). One method where it fits; else the method asks its parts in order, first
   * those of the classes themselves, which return a rule, then those of the types, which combine it.
   */
  private static List<MethodSpec> ruleMethods(Map<String, Group> groups) {
    List<List<Part>> own = parts(groups, false);
    List<List<Part>> declared = parts(groups, true);
    MethodSpec.Builder rule = lookup("rule", ACCESS_RULE, true)
        .addJavadoc("The rule the processor decided for a resource method it saw, or {@code null}.\n");
    if (own.size() + declared.size() <= 1) {
      CodeBlock.Builder body = CodeBlock.builder();
      own.forEach(part -> body.add(branches(part, false)));
      declared.forEach(part -> body.add(DECLARED).addStatement("$T declared = null", ACCESS_RULE)
          .add(branches(part, true)));
      return List.of(rule.addCode(body.addStatement(declared.isEmpty() ? "return null" : "return declared").build())
          .build());
    }
    List<MethodSpec> parts = new ArrayList<>();
    CodeBlock.Builder body = CodeBlock.builder().add("// $L\n", SPLIT);
    if (!own.isEmpty()) {
      body.addStatement("$T rule", ACCESS_RULE);
    }
    for (List<Part> part : own) {
      int n = parts.size() + 1;
      body.addStatement("rule = rule$L(resourceClass, method)", n)
          .beginControlFlow("if (rule != null)")
          .addStatement("return rule")
          .endControlFlow();
      parts.add(lookup("rule" + n, ACCESS_RULE, true).addModifiers(Modifier.PRIVATE)
          .addJavadoc("Part $L of {@link #rule}: classes the processor saw.\n", n)
          .addCode(branches(part, false)).addStatement("return null").build());
    }
    if (!declared.isEmpty()) {
      body.add(DECLARED).addStatement("$T declared = null", ACCESS_RULE);
    }
    for (List<Part> part : declared) {
      int n = parts.size() + 1;
      body.addStatement("declared = rule$L(resourceClass, method, declared)", n);
      parts.add(lookup("rule" + n, ACCESS_RULE, true).addModifiers(Modifier.PRIVATE)
          .addParameter(ACCESS_RULE, "declared")
          .addJavadoc("Part $L of {@link #rule}: types, whose rules {@code declared} combines.\n", n)
          .addCode(branches(part, true)).addStatement("return declared").build());
    }
    parts.add(0, rule.addCode(body.addStatement(declared.isEmpty() ? "return null" : "return declared").build())
        .build());
    return parts;
  }

  /** The tests of {@code parts}: each returns its rule, or, {@code combining}, adds it to {@code declared}. */
  private static CodeBlock branches(List<Part> parts, boolean combining) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (Part part : parts) {
      body.beginControlFlow("if ($L)", part.group().matches());
      for (RouteModel r : part.routes()) {
        CodeBlock matches = CodeBlock.of("$T.is(method, $S$L)", RESOURCE_METHODS, r.methodName(),
            typeList(r.parameterTypes()));
        if (!r.bridgeTypes().isEmpty()) {
          // The bridge method of a generic supertype's declaration, which Apache CXF reports.
          matches = CodeBlock.of("$L\n|| $T.is(method, $S$L)", matches, RESOURCE_METHODS, r.methodName(),
              typeList(r.bridgeTypes()));
        }
        body.add("// $L $L\n", SourceGenerator.commentText(r.httpMethod()), SourceGenerator.commentText(r.path()))
            .beginControlFlow("if ($L)", matches)
            .addStatement(combining ? CodeBlock.of("declared = $T.both(declared, $L)", ACCESS_RULE, rule(r))
                : CodeBlock.of("return $L", rule(r)))
            .endControlFlow();
      }
      body.endControlFlow();
    }
    return body.build();
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

  /**
   * Whether the processor saw {@code resourceClass}; in parts of at most 200 classes where there are more, which also
   * bounds the depth of the {@code ||} chain that javac compiles recursively.
   */
  private static List<MethodSpec> knowsMethods(Map<String, Group> groups) {
    List<CodeBlock> parts = new ArrayList<>();
    for (List<Group> part : MethodParts.split(new ArrayList<>(groups.values()), group -> MethodParts.BUDGET / 200)) {
      parts.add(CodeBlock.builder()
          .addStatement("return $L", part.stream().map(Group::matches).collect(CodeBlock.joining("\n|| ")))
          .build());
    }
    if (parts.isEmpty()) {
      parts.add(CodeBlock.builder().addStatement("return false").build());
    }
    return anyOf("knows", "Whether the processor saw {@code resourceClass} for this configuration.\n", false, parts);
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
    return AccessRules.of(r.policy(), r.roles());
  }
}
