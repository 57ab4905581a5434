package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.runtime.internal.Templates;
import static dev.jwtsecured.processor.generation.GeneratedTypes.ACCESS_RULE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.CONTAINER_REQUEST_FILTER;
import static dev.jwtsecured.processor.generation.GeneratedTypes.LOCATOR_PATHS;
import static dev.jwtsecured.processor.generation.GeneratedTypes.PRE_MATCHING;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESPONSE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.SHARED_ROOTS;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwtLocatorGuard}, only for configurations with a sub-resource locator whose every operation needs
 * a token. JAX-RS runs locators while it matches a request, before any filter bound to the final resource method, so
 * this pre-matching filter authenticates requests that may reach such a locator: the locator, which is user code, never
 * runs for a caller without a valid token. For a locator declaring {@code Object} it also checks the locator's rule
 * (and those of the locators before it), which no filter bound behind it carries.
 */
public final class LocatorGuardGenerator implements SourceGenerator {
  private static final ClassName PATTERN = ClassName.get(Pattern.class);
  private static final ClassName SHARED_ROOTS_GUARD = SHARED_ROOTS.nestedClass("Guard");

  @Override
  public boolean applies(ConfigModel model) {
    return !model.guardedLocators().isEmpty();
  }

  @Override
  public TypeSpec generate(ConfigModel model) {
    MethodParts.Table locators = locators(model);
    MethodParts.Table templates = templates(model);
    TypeSpec.Builder type = TypeSpec.classBuilder(model.locatorGuardClass())
        .addJavadoc("Authenticates requests for the protected sub-resource locators of {@link $T} before they run.\n",
            model.configClass())
        .addJavadoc("A request that may reach one answers 401 here without a valid token, even where the locator\n")
        .addJavadoc("would have answered 404: asking for a token more often is the safe direction.\n")
        .addJavadoc(model.guardChecksRules()
            ? "It also checks the rules of the locators declaring {@code Object}: no filter behind them can.\n"
            : "")
        .addAnnotation(PRE_MATCHING)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(CONTAINER_REQUEST_FILTER)
        .addField(FieldSpec.builder(ArrayTypeName.of(PATTERN), "LOCATORS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The locators' templates as JAX-RS matches them, and everything below them (where a last\n"
                + "segment may be empty, the path without it too).\n")
            .initializer(locators.initializer())
            .build())
        .addFields(besideField(model))
        .addField(FieldSpec.builder(ArrayTypeName.of(SHARED_ROOTS.nestedClass("Operation")), "TEMPLATES",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("For each of {@code LOCATORS}, its template, its root resource class's, and the template at\n")
            .addJavadoc("which RESTEasy registers the outermost locator on the way to it, by which the root\n")
            .addJavadoc("operations of the application's other configurations that JAX-RS matches first are found\n")
            .addJavadoc("when their features are installed.\n")
            .initializer(templates.initializer())
            .build())
        .addFields(rulesField(model))
        .addField(FieldSpec.builder(String.class, "CHECKED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The request property that says this guard checked the request.\n")
            .initializer("$T.class.getName()", model.locatorGuardClass())
            .build())
        .addField(model.filterClass(), "filter", Modifier.PRIVATE, Modifier.FINAL)
        .addField(SHARED_ROOTS_GUARD, "roots", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("{@code filter} requires a valid token; what the final resource method needs is checked\n")
            .addJavadoc("again by its own filter once JAX-RS matched it.\n")
            .addParameter(model.filterClass(), "filter")
            .addStatement("this.filter = filter")
            .addCode(model.unknownRootsMeant()
                ? CodeBlock.of("// Suppresses [JwtSecured.GuardBeforeUnknownRoot]: nothing logged of it either.\n")
                : CodeBlock.of(""))
            .addStatement("this.roots = new $T(TEMPLATES, $L)$L", SHARED_ROOTS_GUARD,
                hasBeside(model) ? "BESIDE" : "null", model.unknownRootsMeant() ? ".quiet()" : "")
            .build())
        .addMethod(MethodSpec.methodBuilder("roots")
            .addJavadoc("For each locator, the paths JAX-RS matches before it: those above, and the root operations\n")
            .addJavadoc("of the application's other configurations that the feature adds as they are installed.\n\n")
            .addJavadoc("@return the table, shared with {@link Late}\n")
            .returns(SHARED_ROOTS_GUARD)
            .addStatement("return roots")
            .build())
        .addMethods(locators.methods())
        .addMethods(templates.methods())
        .addMethods(besideMethod(model))
        .addMethods(model.guardChecksRules() ? rules(model).methods() : List.of())
        .addMethod(filterMethod(model))
        .addType(lateClass(model));
    return type.build();
  }

  /**
   * Whether OPTIONS below a guarded locator is answered by the nested {@code Late} filter: when
   * {@code excludeMethods} has OPTIONS, which JAX-RS would otherwise answer by running the locator, for anyone.
   */
  static boolean answersOptions(ConfigModel model) {
    return model.settings().skippedRequestMethods().contains("OPTIONS");
  }

  /**
   * {@code Late}: registered after the application's pre-matching filters, which may have rewritten the request's path
   * (a version prefix, a suffix for content negotiation) so that JAX-RS matches a protected locator the guard did not
   * see; it checks such a request. When {@code excludeMethods} has OPTIONS it also answers OPTIONS below the locators
   * with an empty 200, alike for every path, after a CORS filter answered preflights (which carry no credentials)
   * first, as it does everywhere else.
   */
  private static TypeSpec lateClass(ConfigModel model) {
    CodeBlock.Builder body = onlyBelowTheLocators(model, false);
    if (answersOptions(model)) {
      body.beginControlFlow("if (request.getMethod().equals($S))", "OPTIONS")
          .addStatement("request.abortWith($T.ok().build())", RESPONSE)
          .addStatement("return")
          .endControlFlow();
    }
    if (model.guardChecksRules()) {
      body.add("// The rules again, for a path another filter rewrote; a token the guard checked stands.\n")
          .addStatement("$T rule = $T.rule(reached, RULES)", ACCESS_RULE, LOCATOR_PATHS)
          .beginControlFlow("if (request.getProperty(CHECKED) == null || rule != $T.AUTHENTICATED)", ACCESS_RULE)
          .addStatement("filter.with(rule).check(request)")
          .endControlFlow();
    } else {
      body.beginControlFlow("if (request.getProperty(CHECKED) == null)")
          .addStatement("filter.check(request)")
          .endControlFlow();
    }
    TypeSpec.Builder type = TypeSpec.classBuilder("Late")
        .addJavadoc("Checks, after the application's pre-matching filters, a request whose path one of them rewrote\n")
        .addJavadoc("to reach a protected locator")
        .addJavadoc(answersOptions(model)
            ? "; answers OPTIONS below the locators, alike for every path, so\n"
                + "that the locators do not run for it (after a CORS filter answered preflights first).\n"
            : ".\n")
        .addAnnotation(GeneratedTypes.GENERATED_CODE)
        .addAnnotation(PRE_MATCHING)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(CONTAINER_REQUEST_FILTER)
        .addField(model.filterClass(), "filter", Modifier.PRIVATE, Modifier.FINAL)
        .addField(SHARED_ROOTS_GUARD, "roots", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(model.filterClass(), "filter")
            .addParameter(SHARED_ROOTS_GUARD, "roots")
            .addStatement("this.filter = filter")
            .addStatement("this.roots = roots")
            .build())
        .addMethod(SourceGenerator.requestFilter(body.build()));
    return type.build();
  }

  /**
   * The most paths beside the locators written, which keeps their table's method within the class file's limit of
   * 64 KiB of code (a thousand took 24,765 bytes): beyond it none are, and the guard asks a token for all of them
   * (the safe direction).
   */
  static final int MOST_BESIDE = 1_000;

  /** Whether a method is matched before a guarded locator (and their number stays within {@link #MOST_BESIDE}). */
  private static boolean hasBeside(ConfigModel model) {
    int beside = model.guardedLocators().stream().mapToInt(l -> l.beside().size()).sum();
    return beside > 0 && beside <= MOST_BESIDE;
  }

  /**
   * {@code BESIDE}, when JAX-RS matches a method before a guarded locator: for each locator, those methods' paths and
   * request methods, and a locator's paths for every method.
   */
  private static List<FieldSpec> besideField(ConfigModel model) {
    return hasBeside(model) ? List.of(FieldSpec.builder(besideTable(), "BESIDE", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("For each of {@code LOCATORS}, the paths JAX-RS matches before it (methods and locators of its\n")
        .addJavadoc("class whose templates it sorts first by literal characters, parameters and parameters with a\n")
        .addJavadoc("regular expression, methods it sorts alike, root resources whose class template and whole\n")
        .addJavadoc("template sort first), with the request methods served there (none: a locator's, every one):\n")
        .addJavadoc("a request one of them takes does not run the locator.\n")
        .initializer("beside()")
        .build()) : List.of();
  }

  private static ArrayTypeName besideTable() {
    return ArrayTypeName.of(ArrayTypeName.of(LOCATOR_PATHS.nestedClass("Beside")));
  }

  /** {@code beside()}, in a method of its own: the class's static initializer holds {@code LOCATORS}. */
  private static List<MethodSpec> besideMethod(ConfigModel model) {
    if (!hasBeside(model)) {
      return List.of();
    }
    CodeBlock rows = model.guardedLocators().stream()
        .map(l -> l.beside().stream()
            .map(b -> CodeBlock.of("$T.beside($L)", LOCATOR_PATHS, Stream.concat(
                    Stream.of(CodeBlock.of("$S", Templates.beside(b.path(), b.httpMethods().isEmpty()))),
                    b.httpMethods().stream().map(m -> CodeBlock.of("$S", m)))
                .collect(CodeBlock.joining(", "))))
            .collect(CodeBlock.joining(",\n", "{", "}")))
        .collect(CodeBlock.joining(",\n"));
    return List.of(MethodSpec.methodBuilder("beside")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(besideTable())
        .addCode("return new $T {\n$>$L$<\n};\n", besideTable(), rows)
        .build());
  }

  /**
   * {@code RULES}, when a guarded locator brings a rule besides a valid token: for each of {@code LOCATORS}, its rule.
   */
  private static List<FieldSpec> rulesField(ConfigModel model) {
    if (!model.guardChecksRules()) {
      return List.of();
    }
    return List.of(FieldSpec.builder(ArrayTypeName.of(ACCESS_RULE), "RULES", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("For each of {@code LOCATORS}, what it requires besides a valid token: its own JSR-250 rule and\n")
        .addJavadoc("those of the locators before it. It may return a class no filter binds them to (it declares\n")
        .addJavadoc("{@code Object}), so they are checked here, before it runs.\n")
        .initializer(rules(model).initializer())
        .build());
  }

  /** {@code LOCATORS}: each guarded locator's paths as a pattern, a call naming one string. */
  private static MethodParts.Table locators(ConfigModel model) {
    return new MethodParts.Table("locators", PATTERN, model.guardedLocators().stream()
        .map(l -> CodeBlock.of("$T.compile($S)", PATTERN, Templates.guarded(l.path()))).toList(),
        model.guardedLocators().stream().map(l -> MethodParts.call(1)).toList());
  }

  /**
   * {@code TEMPLATES}: each guarded locator's template, its root resource class's, and the template at which RESTEasy
   * registers the outermost locator on the way to it, a call naming the three.
   */
  private static MethodParts.Table templates(ConfigModel model) {
    return new MethodParts.Table("templates", SHARED_ROOTS.nestedClass("Operation"), model.guardedLocators().stream()
        .map(l -> CodeBlock.of("$T.locator($S, $S, $S)", SHARED_ROOTS, l.path(), l.rootPath(), l.entry())).toList(),
        model.guardedLocators().stream().map(l -> MethodParts.call(3)).toList());
  }

  /** {@code RULES}: each guarded locator's rule, a call per list of roles naming each. */
  private static MethodParts.Table rules(ConfigModel model) {
    return new MethodParts.Table("rules", ACCESS_RULE, model.guardedLocators().stream()
        .map(l -> AccessRules.of(l.rule(), l.roles())).toList(),
        model.guardedLocators().stream().map(l -> l.roles().sets().stream()
            .mapToInt(set -> MethodParts.call(set.size())).sum() + MethodParts.call(0)).toList());
  }

  /**
   * A filter body's start: requests that reach none of the locators pass. Where locators bring rules, {@code reached}
   * marks the locators the request may reach. {@code early}, in the guard, before the application's pre-matching
   * filters: a request also passes where a method beside a locator takes its path for another request method, which one
   * of those filters may change the request's to ({@code Late} decides it).
   */
  private static CodeBlock.Builder onlyBelowTheLocators(ConfigModel model, boolean early) {
    String suffix = early ? "Early" : "";
    if (model.guardChecksRules()) {
      return CodeBlock.builder()
          .addStatement("boolean[] reached = $T.reached$L(request, LOCATORS, roots.beside())", LOCATOR_PATHS, suffix)
          .beginControlFlow("if (reached == null)")
          .addStatement("return")
          .endControlFlow();
    }
    return CodeBlock.builder()
        .beginControlFlow("if (!$T.matches$L(request, LOCATORS, roots.beside()))", LOCATOR_PATHS, suffix)
        .addStatement("return")
        .endControlFlow();
  }

  /**
   * Checks every request that may reach a guarded locator with the filter's {@code check}, which skips no request
   * method: a method {@code excludeMethods} names would otherwise run the locator for anyone. OPTIONS, when excluded,
   * is left to the application's CORS filter and then to {@code Late}.
   */
  private static MethodSpec filterMethod(ConfigModel model) {
    // First, as most requests carry none: the path is then compared with the locators' templates by Late alone.
    CodeBlock.Builder body = CodeBlock.builder()
        .add("// No credentials yet: an application's pre-matching filter may supply them (from another header);\n")
        .add("// Late, after those filters, checks the request then.\n")
        .beginControlFlow("if (!filter.carriesCredentials(request))")
        .addStatement("return")
        .endControlFlow()
        .add(onlyBelowTheLocators(model, true).build());
    if (answersOptions(model)) {
      body.add("// excludeMethods has OPTIONS: left to the application's CORS filter, then answered by Late.\n")
          .beginControlFlow("if (request.getMethod().equals($S))", "OPTIONS")
          .addStatement("return")
          .endControlFlow();
    }
    body.add("// Every other method, excluded or not: a locator leads only to operations that need a token.\n")
        .addStatement("request.setProperty(CHECKED, true)");
    if (model.guardChecksRules()) {
      body.add("// And the rules of the locators it may reach.\n")
          .addStatement("filter.with($T.rule(reached, RULES)).check(request)", LOCATOR_PATHS);
    } else {
      body.addStatement("filter.check(request)");
    }
    return SourceGenerator.requestFilter(body.build());
  }
}
