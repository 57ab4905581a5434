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

  /**
   * {@code text} as inline code in generated Javadoc. A path the user wrote may hold a star followed by a slash, which
   * would end the comment; each such place splits the text into two adjacent code spans, which read as one.
   */
  static String javadocCode(String text) {
    return "{@code " + text.replace("*/", "*}{@code /") + "}";
  }
}
