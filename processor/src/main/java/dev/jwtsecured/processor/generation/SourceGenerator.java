package dev.jwtsecured.processor.generation;

import dev.jwtsecured.processor.model.ConfigModel;
import static dev.jwtsecured.processor.generation.GeneratedTypes.CONTAINER_REQUEST_CONTEXT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

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
   * A generated resource class: public and, unlike the other generated classes, not final. A CDI container that manages
   * resource classes may give them a scope it serves through a proxy subclass (RESTEasy on WildFly gives them request
   * scope), and Weld cannot proxy a final class: every request to it was answered 500 there.
   */
  static TypeSpec.Builder resourceClass(ClassName name) {
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(GeneratedTypes.GENERATED_RESOURCE)
        .addMethod(runtimeConstructor("resource"));
  }

  /**
   * The documented public constructor of a generated class the JAX-RS runtime creates. Left implicit, the javadoc tool
   * of JDK 18 and later (JDK-8271159) says "use of default constructor, which does not provide a comment" about each
   * such class under {@code -Xdoclint:all}: a project whose Javadoc fails on warnings failed on generated code.
   */
  static MethodSpec runtimeConstructor(String what) {
    return MethodSpec.constructorBuilder()
        .addJavadoc("Creates the $L; the JAX-RS runtime calls it.\n", what)
        .addModifiers(Modifier.PUBLIC)
        .build();
  }

  /**
   * {@code seconds} as a {@code Duration} in the largest unit that holds it whole: {@code ofDays(14)}, say. Every
   * duration the processor accepts is an {@code int} literal: at most {@link dev.jwtsecured.JwtSecured#MAX_LIFETIME},
   * 315,360,000 seconds.
   */
  static CodeBlock duration(long seconds) {
    for (var unit : List.of(Map.entry("ofDays", 86_400L), Map.entry("ofHours", 3_600L), Map.entry("ofMinutes", 60L))) {
      if (seconds != 0 && seconds % unit.getValue() == 0) {
        return CodeBlock.of("$T.$L($L)", Duration.class, unit.getKey(), seconds / unit.getValue());
      }
    }
    return CodeBlock.of("$T.ofSeconds($L)", Duration.class, seconds);
  }

  /** {@code ContainerRequestFilter.filter(request)}, overridden with {@code body}. */
  static MethodSpec requestFilter(CodeBlock body) {
    return MethodSpec.methodBuilder("filter")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(CONTAINER_REQUEST_CONTEXT, "request")
        .addCode(body)
        .build();
  }

  /**
   * {@code text} as inline code in generated Javadoc, as {@link #commentText} writes it. A path the user wrote may
   * also hold a star followed by a slash, which would end the comment; each such place splits the text into two
   * adjacent code spans, which read as one.
   */
  static String javadocCode(String text) {
    return "{@code " + commentText(text).replace("*/", "*}{@code /") + "}";
  }

  /**
   * {@code text} (a path the user wrote, say) for a generated comment: every backslash doubled, so that javac, which
   * reads Unicode escapes before comments, finds none in it; line breaks and other control characters written as
   * such an escape with its backslash doubled, so that the comment does not end early.
   */
  static String commentText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
