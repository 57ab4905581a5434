package dev.jwtsecured.processor;

import com.palantir.javapoet.TypeSpec;

/**
 * Generates one Java source file from a validated configuration. A generator sees only the model (no {@code Element},
 * no {@code Messager}); {@link GeneratedFiles} adds {@code @Generated}, the originating elements and writes it.
 */
interface SourceGenerator {
  /** Whether the configuration needs this output; optional outputs decide for themselves. */
  default boolean applies(ConfigModel model) {
    return true;
  }

  TypeSpec generate(ConfigModel model);
}
