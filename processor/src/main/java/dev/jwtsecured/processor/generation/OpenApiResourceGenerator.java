package dev.jwtsecured.processor.generation;

import static dev.jwtsecured.processor.generation.GeneratedTypes.GET;
import static dev.jwtsecured.processor.generation.GeneratedTypes.MEDIA_TYPE;
import static dev.jwtsecured.processor.generation.GeneratedTypes.PATH;
import static dev.jwtsecured.processor.generation.GeneratedTypes.RESPONSE;

import dev.jwtsecured.processor.model.ConfigModel;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code FooJwtOpenApi}: a resource at {@code openApiPath} that serves the OpenAPI document, held as a
 * constant (nothing is read from the class path at run time), placed by the runtime's {@code OpenApiDocument} where the
 * request reached the application (below a servlet context path, say). Always public: the filter lets every request
 * through.
 */
public final class OpenApiResourceGenerator implements SourceGenerator {
  /** Chunks keep every string constant far below the class file's 65,535-byte limit. */
  private static final int CHUNK = 8_000;

  /** The configuration's OpenAPI document, built once for this resource and the class-path files. */
  private final Map<String, Object> document;

  public OpenApiResourceGenerator(Map<String, Object> document) {
    this.document = document;
  }

  @Override
  public boolean applies(ConfigModel model) {
    return !model.settings().openApiPath().isEmpty();
  }

  @Override
  public TypeSpec generate(ConfigModel model) {
    List<CodeBlock> chunks = new ArrayList<>();
    for (String chunk : chunks(JsonTree.compactJson(document))) {
      chunks.add(CodeBlock.of("$S", chunk));
    }
    return SourceGenerator.resourceClass(model.openApiClass())
        .addJavadoc("Serves the OpenAPI 3.1 document of {@link $T} at $L.\n", model.configClass(),
            SourceGenerator.javadocCode(model.settings().openApiPath()))
        .addAnnotation(AnnotationSpec.builder(PATH).addMember("value", "$S", model.settings().openApiPath()).build())
        .addField(FieldSpec.builder(String.class, "DOCUMENT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The document, compact; pretty-printed in {@code META-INF/jwtsecured/$L.openapi.json}.\n",
                model.configClass().reflectionName())
            .initializer(chunks.size() == 1 ? chunks.get(0)
                : CodeBlock.of("$T.join($S,$>\n$L$<)", String.class, "", CodeBlock.join(chunks, ",\n")))
            .build())
        .addField(FieldSpec.builder(GeneratedTypes.OPEN_API_DOCUMENT, "SERVED", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("Its paths are under $L, the application path.\n",
                SourceGenerator.javadocCode(model.applicationPath().isEmpty() ? "/" : model.applicationPath()))
            .initializer("new $T(DOCUMENT, $S)", GeneratedTypes.OPEN_API_DOCUMENT, model.applicationPath())
            .build())
        .addMethod(MethodSpec.methodBuilder("document")
            .addJavadoc("{@link #DOCUMENT}, with a {@code servers} entry when the request's base URI has more than"
                + " the\n")
            .addJavadoc("application path (a servlet context path); public, like every generated resource.\n\n")
            .addJavadoc("@param uri the request's URI\n")
            .addJavadoc("@return the document\n")
            .addAnnotation(GET)
            .addModifiers(Modifier.PUBLIC)
            .returns(RESPONSE)
            .addParameter(ParameterSpec.builder(GeneratedTypes.URI_INFO, "uri")
                .addAnnotation(GeneratedTypes.CONTEXT).build())
            .addComment("The type on the answer, not in @Produces: Quarkus REST warns at build time of a method")
            .addComment("producing JSON without a JSON extension, which a String needs none of.")
            .addStatement(
                "return $T.ok(SERVED.at(uri), $T.APPLICATION_JSON_TYPE).header($T.NOSNIFF_HEADER, $S).build()",
                RESPONSE, MEDIA_TYPE, GeneratedTypes.JWT_AUTH, "nosniff")
            .build())
        .build();
  }

  /**
   * {@code json} in pieces of at most {@link #CHUNK} characters, none ending between the two halves of a character
   * beyond U+FFFF: each piece is a literal of the generated source file, which holds no half of a pair alone.
   */
  static List<String> chunks(String json) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (start < json.length()) {
      int end = Math.min(json.length(), start + CHUNK);
      if (end < json.length() && Character.isHighSurrogate(json.charAt(end - 1))) {
        end--;
      }
      chunks.add(json.substring(start, end));
      start = end;
    }
    return chunks;
  }
}
