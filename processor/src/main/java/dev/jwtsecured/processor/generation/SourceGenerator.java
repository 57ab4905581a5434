package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.model.ConfigModel;
import com.palantir.javapoet.TypeSpec;

/**
 * Generates one Java source file from a validated configuration. A generator sees only the model (no {@code Element},
 * no {@code Messager}); {@code writing.GeneratedFiles} adds {@code @Generated}, the originating elements and writes it.
 */
public interface SourceGenerator {
  /** Whether the configuration needs this output; optional outputs decide for themselves. */
  default boolean applies(ConfigModel model) {
    return true;
  }

  TypeSpec generate(ConfigModel model);
}
