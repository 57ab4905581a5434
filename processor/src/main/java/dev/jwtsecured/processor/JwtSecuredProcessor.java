package dev.jwtsecured.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The jwtsecured annotation processor: for each {@code @JwtSecured} class, validate it and the JAX-RS resources it
 * secures, then generate the filter, the typed access point and the feature.
 *
 * <p>It never throws out of {@link #process}: an internal failure becomes an error on the configuration class. A class
 * whose user type is not generated yet is deferred to the next round, and reported only if it never appears.
 *
 * <p>It is longer than most classes here because it holds the processor shell (rounds, deferral, catch-and-report) and the
 * per-configuration steps in their order (scan, resolve the application path, validate, generate), so that the whole
 * pipeline reads top to bottom in one place; each step itself lives in its own class.
 */
@AutoService(Processor.class)
public final class JwtSecuredProcessor extends AbstractProcessor {
  /** Configuration classes waiting for a type that another processor may generate in a later round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Root resource classes seen in any round, by qualified name. */
  private final Set<String> resources = new LinkedHashSet<>();
  /** {@code @ApplicationPath} classes seen in any round, by qualified name. */
  private final Set<String> applications = new LinkedHashSet<>();

  /** {@code -Ajwtsecured.warningsAsErrors=Tag,Tag|all}: report these warnings as errors (for CI). */
  static final String WARNINGS_AS_ERRORS = "jwtsecured.warningsAsErrors";
  /** {@code -Ajwtsecured.verbose=true}: a note per configuration naming what was generated and how routes are exposed. */
  static final String VERBOSE = "jwtsecured.verbose";

  /** Every generated source, in the order they are written; each decides whether it applies. */
  private static final List<SourceGenerator> GENERATORS = List.of(new FilterGenerator(), new AccessPointGenerator(),
      new FeatureGenerator(), new PoliciesGenerator(), new LocatorGuardGenerator(), new TokenEndpointGenerator(),
      new OpenApiResourceGenerator());

  /** Runs before a configuration's files are written; tests use it to simulate an internal failure. */
  private final Consumer<ConfigModel> beforeWriting;

  public JwtSecuredProcessor() {
    this(model -> {});
  }

  JwtSecuredProcessor(Consumer<ConfigModel> beforeWriting) {
    this.beforeWriting = beforeWriting;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(WARNINGS_AS_ERRORS, VERBOSE);
  }

  /** The project's own annotations, which it claims: {@code -Xlint:processing} then names none of them. */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Names.JWT_SECURED, Names.USER_RETRIEVER, Names.AUTHENTICATOR, Names.REVOCATION_CHECK);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    RouteScanner scanner = new RouteScanner(processingEnv);
    for (TypeElement resource : scanner.resourceClasses(round.getRootElements())) {
      resources.add(resource.getQualifiedName().toString());
    }
    TypeElement applicationPath = processingEnv.getElementUtils().getTypeElement(Names.APPLICATION_PATH);
    if (applicationPath != null) {
      for (Element e : round.getElementsAnnotatedWith(applicationPath)) {
        if (e instanceof TypeElement t) {
          applications.add(t.getQualifiedName().toString());
        }
      }
    }

    List<TypeElement> configs = new ArrayList<>();
    for (String name : deferred) {
      TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
      if (t != null) {
        configs.add(t);
      }
    }
    deferred.clear();
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Names.JWT_SECURED);
    if (annotation != null) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e instanceof TypeElement) {
          configs.add((TypeElement) e);
        } else {
          error(Message.NOT_A_CLASS.format(e.getSimpleName(), e.getKind()), e);
        }
      }
    }

    Set<TypeElement> overlapping = overlapping(configs);
    for (TypeElement config : configs) {
      if (overlapping.contains(config)) {
        continue;
      }
      try {
        processConfig(config, scanner, round.processingOver());
      } catch (RuntimeException | IOException | LinkageError e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        error(Message.INTERNAL_ERROR.format(trace), config);
      }
    }
    return true; // only dev.jwtsecured annotations are supported, so claiming them takes nothing from another processor
  }

  private void processConfig(TypeElement config, RouteScanner scanner, boolean lastRound) throws IOException {
    Optional<AnnotationMirror> mirror = AnnotationValues.find(config, Names.JWT_SECURED);
    if (mirror.isEmpty()) {
      return;
    }
    List<String> scope = basePackages(config, mirror.get());
    List<RouteScanner.ScannedRoute> routes = new ArrayList<>();
    List<RouteScanner.ScannedLocator> locators = new ArrayList<>();
    List<Element> originating = new ArrayList<>(List.of(config));
    for (String name : resources) {
      TypeElement resource = processingEnv.getElementUtils().getTypeElement(name);
      if (resource != null && scanner.inScope(resource, scope)) {
        RouteScanner.Scan scan = scanner.scan(resource);
        routes.addAll(scan.routes());
        locators.addAll(scan.locators());
        originating.add(resource);
      }
    }
    Optional<Diagnostic> inaccessible = inaccessibleResource(config, routes);
    if (inaccessible.isPresent()) {
      report(inaccessible.get());
      return;
    }

    ApplicationPaths.Resolved appPath =
        new ApplicationPaths(processingEnv.getElementUtils(), scanner).resolve(config, mirror.get(), scope,
            applications);
    if (appPath.problem().isPresent()) {
      report(appPath.problem().get());
      return;
    }
    originating.addAll(appPath.applications());
    ConfigValidator.Result result =
        new ConfigValidator(processingEnv).validate(config, mirror.get(), new RouteScanner.Scan(routes, locators), scope,
            appPath.path());
    if (result.deferred()) {
      if (lastRound) {
        error(Message.TYPE_NEVER_GENERATED.format(result.deferredMethod()), config);
      } else {
        deferred.add(config.getQualifiedName().toString());
      }
      return;
    }
    for (Diagnostic d : result.diagnostics()) {
      report(d);
    }
    if (result.model().isEmpty()) {
      return;
    }
    ConfigModel model = result.model().get();
    beforeWriting.accept(model);
    GeneratedFiles files = new GeneratedFiles(processingEnv);
    for (SourceGenerator generator : GENERATORS) {
      if (generator.applies(model)) {
        files.write(model, generator.generate(model), originating);
      }
    }
    Map<String, Object> document = new OpenApiGenerator().document(model);
    String base = "META-INF/jwtsecured/" + model.configClass().reflectionName();
    files.writeResource(base + ".openapi.json", JsonTree.json(document), originating);
    files.writeResource(base + ".openapi.yaml", JsonTree.yaml(document), originating);
    files.writeResource(base + ".routes.json", JsonTree.json(new RouteReportGenerator().report(model)), originating);
    if (Boolean.parseBoolean(processingEnv.getOptions().get(VERBOSE))) {
      StringBuilder note = new StringBuilder("[jwtsecured] generated ")
          .append(model.filterClass().simpleName()).append(", ").append(model.accessPointClass().simpleName())
          .append(", ").append(model.featureClass().simpleName());
      if (OpenApiGenerator.hasTokenEndpoint(model)) {
        note.append(", ").append(model.loginResourceClass().simpleName());
      }
      note.append(" and ").append(base).append(".{openapi.json,openapi.yaml,routes.json}; routes:");
      for (RouteModel r : model.routes()) {
        note.append("\n  ").append(r.httpMethod()).append(' ').append(OpenApiGenerator.fullPath(model, r.path()))
            .append(" -> ").append(r.policy().label);
      }
      processingEnv.getMessager().printMessage(Kind.NOTE, note.toString(), config);
    }
  }

  /**
   * The generated policy table names each resource class with a class literal from the configuration's package; a class
   * it cannot see there is an error on the configuration, naming the class.
   */
  private Optional<Diagnostic> inaccessibleResource(TypeElement config, List<RouteScanner.ScannedRoute> routes) {
    String own = processingEnv.getElementUtils().getPackageOf(config).getQualifiedName().toString();
    for (RouteScanner.ScannedRoute r : routes) {
      TypeElement resource = (TypeElement) r.method().getEnclosingElement();
      TypeElement declared = processingEnv.getElementUtils().getTypeElement(r.resourceClass().canonicalName());
      for (Element e = declared == null ? resource : declared; e instanceof TypeElement; e = e.getEnclosingElement()) {
        boolean samePackage = processingEnv.getElementUtils().getPackageOf(e).getQualifiedName().contentEquals(own);
        if (e.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)
            || (!samePackage && !e.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC))) {
          return Optional.of(Diagnostic.at(Message.RESOURCE_NOT_ACCESSIBLE.format(r.resourceClass().canonicalName(),
              own), config, AnnotationValues.find(config, Names.JWT_SECURED).orElse(null), null));
        }
      }
    }
    return Optional.empty();
  }

  private List<String> basePackages(TypeElement config, AnnotationMirror mirror) {
    List<String> packages = new ArrayList<>();
    for (var entry : processingEnv.getElementUtils().getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("basePackages")) {
        for (Object v : (List<?>) entry.getValue().getValue()) {
          packages.add(String.valueOf(((javax.lang.model.element.AnnotationValue) v).getValue()));
        }
      }
    }
    if (packages.isEmpty()) {
      PackageElement own = processingEnv.getElementUtils().getPackageOf(config);
      packages.add(own.getQualifiedName().toString());
    }
    return packages;
  }



  /** Configurations whose packages overlap another's; each gets an error and no output. */
  private Set<TypeElement> overlapping(List<TypeElement> configs) {
    Set<TypeElement> found = new LinkedHashSet<>();
    for (int i = 0; i < configs.size(); i++) {
      for (int j = i + 1; j < configs.size(); j++) {
        TypeElement a = configs.get(i);
        TypeElement b = configs.get(j);
        Optional<AnnotationMirror> ma = AnnotationValues.find(a, Names.JWT_SECURED);
        Optional<AnnotationMirror> mb = AnnotationValues.find(b, Names.JWT_SECURED);
        if (ma.isEmpty() || mb.isEmpty() || a.equals(b)) {
          continue;
        }
        for (String pa : basePackages(a, ma.get())) {
          for (String pb : basePackages(b, mb.get())) {
            String shared = pa.equals(pb) || pb.startsWith(pa + ".") ? pb : pa.startsWith(pb + ".") ? pa : null;
            if (shared != null && found.add(a) | found.add(b)) {
              Message.Text message = Message.OVERLAPPING_CONFIGURATIONS.format(a.getQualifiedName(), b.getQualifiedName(),
                  shared);
              report(Diagnostic.at(message, a, ma.get(), null));
              report(Diagnostic.at(message, b, mb.get(), null));
            }
          }
        }
      }
    }
    return found;
  }

  private void report(Diagnostic d) {
    Kind kind = d.kind();
    String message = d.message();
    if (kind == Kind.WARNING && promoted(d.text().message())) {
      kind = Kind.ERROR;
      message = message + " (an error through -A" + WARNINGS_AS_ERRORS + ")";
    }
    if (d.mirror() == null) {
      processingEnv.getMessager().printMessage(kind, message, d.element());
    } else if (d.value() == null) {
      processingEnv.getMessager().printMessage(kind, message, d.element(), d.mirror());
    } else {
      processingEnv.getMessager().printMessage(kind, message, d.element(), d.mirror(), d.value());
    }
  }

  /** Whether {@code -Ajwtsecured.warningsAsErrors} names the tag of {@code message}, or is {@code all}. */
  private boolean promoted(Message message) {
    String option = processingEnv.getOptions().get(WARNINGS_AS_ERRORS);
    if (option == null || option.isBlank()) {
      return false;
    }
    String tag = message.tag();
    for (String wanted : option.split(",")) {
      String w = wanted.trim();
      if (w.equals("all") || w.equals(tag) || w.equals("[" + tag + "]")) {
        return true;
      }
    }
    return false;
  }

  private void error(Message.Text message, Element element) {
    report(Diagnostic.at(message, element));
  }
}
