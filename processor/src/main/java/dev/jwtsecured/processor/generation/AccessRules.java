package dev.jwtsecured.processor.generation;

import static dev.jwtsecured.processor.generation.GeneratedTypes.ACCESS_RULE;
import static dev.jwtsecured.processor.generation.MethodParts.ANY_CLASS;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.Roles;
import dev.jwtsecured.processor.model.RouteModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The {@code AccessRule}s of generated code: a policy's expression, and the rules locators bring to unseen classes. */
final class AccessRules {
  private AccessRules() {}

  /** The {@code AccessRule} expression for {@code policy} (with {@code roles} for {@link RouteModel.Policy#ROLES}). */
  static CodeBlock of(RouteModel.Policy policy, Roles roles) {
    return switch (policy) {
      case EXCLUDED, EXCLUDED_METHOD, PERMIT_ALL -> CodeBlock.of("$T.PUBLIC", ACCESS_RULE);
      case DENY_ALL -> CodeBlock.of("$T.DENY_ALL", ACCESS_RULE);
      case ROLES -> rolesAllowed(roles);
      case AUTHENTICATED -> CodeBlock.of("$T.AUTHENTICATED", ACCESS_RULE);
    };
  }

  /** {@code AccessRule.rolesAllowed("user").andRolesAllowed("admin")}: a role of each list. */
  private static CodeBlock rolesAllowed(Roles roles) {
    CodeBlock.Builder rule = CodeBlock.builder();
    for (List<String> set : roles.sets()) {
      CodeBlock names = set.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
      rule.add(rule.isEmpty() ? CodeBlock.of("$T.rolesAllowed($L)", ACCESS_RULE, names)
          : CodeBlock.of(".andRolesAllowed($L)", names));
    }
    return rule.build();
  }

  /**
   * {@code behind}: the rules of the locators that declare a type {@code resourceClass} extends or implements, for the
   * resource methods a class the processor did not see adds to that type, which JAX-RS serves behind them.
   */
  static MethodSpec behindMethod(ConfigModel model) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("behind")
        .addJavadoc("The rules of the locators that declare a type {@code resourceClass} extends or implements: a\n")
        .addJavadoc("class the processor did not see may add resource methods there, which no other rule covers; or\n")
        .addJavadoc("{@code null}.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ACCESS_RULE)
        .addParameter(ANY_CLASS, "resourceClass")
        .addStatement("$T rule = null", ACCESS_RULE);
    for (RouteModel.LocatorRule r : model.locatorRules()) {
      method.beginControlFlow("if ($T.class.isAssignableFrom(resourceClass))", r.type())
          .addStatement("rule = $T.both(rule, $L)", ACCESS_RULE, of(r.rule(), r.roles()))
          .endControlFlow();
    }
    return method.addStatement("return rule").build();
  }
}
