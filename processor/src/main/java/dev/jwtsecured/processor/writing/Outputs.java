package dev.jwtsecured.processor.writing;

import dev.jwtsecured.processor.generation.AccessPointGenerator;
import dev.jwtsecured.processor.generation.FeatureCheckGenerator;
import dev.jwtsecured.processor.generation.FeatureGenerator;
import dev.jwtsecured.processor.generation.FilterGenerator;
import dev.jwtsecured.processor.generation.JsonTree;
import dev.jwtsecured.processor.generation.JwksResourceGenerator;
import dev.jwtsecured.processor.generation.LocatorGuardGenerator;
import dev.jwtsecured.processor.generation.OpenApiGenerator;
import dev.jwtsecured.processor.generation.OpenApiResourceGenerator;
import dev.jwtsecured.processor.generation.PoliciesGenerator;
import dev.jwtsecured.processor.generation.RouteReportGenerator;
import dev.jwtsecured.processor.generation.SourceGenerator;
import dev.jwtsecured.processor.generation.TokenEndpointGenerator;
import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.RouteModel;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;

/** Every output of one configuration: the generated sources that apply, the OpenAPI document and the route report. */
public final class Outputs {

  private final GeneratedFiles files;

  public Outputs(GeneratedFiles files) {
    this.files = files;
  }

  /**
   * What {@link #write} did: wrote nothing because the compilation already has types of these names ({@code taken}),
   * or wrote everything: the generated {@code types} by qualified name, and a summary for {@code -Ajwtsecured.verbose}.
   */
  public record Written(List<String> taken, List<String> types, String summary) {
    public Written {
      taken = List.copyOf(taken);
      types = List.copyOf(types);
    }
  }

  /**
   * The class-path resource that names the configuration securing package {@code pkg} (and its subpackages), for the
   * resource watch of a later, partial build.
   */
  public static String scopeMarker(String pkg) {
    return "META-INF/jwtsecured/packages/" + pkg + ".txt";
  }

  /**
   * Writes every output of {@code model}, or none when a generated type's name is taken by one of {@code declared},
   * the types the sources of this compilation declare; {@code inputs} are the binary names of the classes besides the
   * configuration that the outputs derive from.
   */
  public Written write(ConfigModel model, List<String> inputs, List<Element> originating, Set<String> declared)
      throws IOException {
    Map<String, Object> document = new OpenApiGenerator().document(model);
    // Every generated source, in the order they are written; each decides whether it applies.
    List<SourceGenerator> sources = List.of(new FilterGenerator(), new AccessPointGenerator(), new FeatureGenerator(),
        new PoliciesGenerator(), new LocatorGuardGenerator(), new TokenEndpointGenerator(),
        new OpenApiResourceGenerator(document), new JwksResourceGenerator(), new FeatureCheckGenerator());
    List<TypeSpec> types = new ArrayList<>();
    for (SourceGenerator generator : sources) {
      if (generator.applies(model)) {
        types.add(generator.generate(model));
      }
    }
    List<String> taken = GeneratedFiles.taken(model, types, declared);
    if (!taken.isEmpty()) {
      return new Written(taken, List.of(), "");
    }
    List<String> written = new ArrayList<>();
    List<String> qualified = new ArrayList<>();
    for (TypeSpec type : types) {
      files.write(model, type, originating);
      written.add(type.name());
      qualified.add(ClassName.get(model.configClass().packageName(), type.name()).canonicalName());
    }
    String base = "META-INF/jwtsecured/" + model.configClass().reflectionName();
    files.writeResource(base + ".openapi.json", JsonTree.json(document), originating);
    files.writeResource(base + ".openapi.yaml", JsonTree.yaml(document), originating);
    files.writeResource(base + ".routes.json", JsonTree.json(new RouteReportGenerator().report(model)), originating);
    // The classes all this derives from: a later build that compiles the configuration alone reads them back.
    files.writeResource(EarlierBuild.inputList(model.configClass()),
        inputs.stream().map(r -> r + "\n").collect(Collectors.joining()), originating);
    // Which configuration secures each package: a later build that compiles a resource alone finds it here.
    for (String pkg : new LinkedHashSet<>(model.basePackages())) {
      files.writeResource(scopeMarker(pkg), model.configClass().canonicalName() + "\n", originating);
    }

    StringBuilder note = new StringBuilder("[jwtsecured] generated ").append(String.join(", ", written))
        .append(" and ").append(base).append(".{openapi.json,openapi.yaml,routes.json}; routes:");
    for (RouteModel r : model.routes()) {
      note.append("\n  ").append(r.httpMethod()).append(' ').append(OpenApiGenerator.fullPath(model, r.path()))
          .append(" -> ").append(r.policy().label);
    }
    return new Written(List.of(), qualified, note.toString());
  }
}
