package dev.jwtsecured.processor;

import dev.jwtsecured.processor.model.ConfigModel;
import dev.jwtsecured.processor.model.Names;
import dev.jwtsecured.processor.model.RouteModel;
import dev.jwtsecured.processor.validation.AnnotationValues;
import dev.jwtsecured.processor.validation.ApplicationPaths;
import dev.jwtsecured.processor.validation.ConfigScopes;
import dev.jwtsecured.processor.validation.ConfigValidator;
import dev.jwtsecured.processor.validation.Diagnostic;
import dev.jwtsecured.processor.validation.HandlerPlacement;
import dev.jwtsecured.processor.validation.Message;
import dev.jwtsecured.processor.validation.PendingTypes;
import dev.jwtsecured.processor.validation.ResourceOwners;
import dev.jwtsecured.processor.validation.RootsBefore;
import dev.jwtsecured.processor.validation.RouteScanner;
import dev.jwtsecured.processor.validation.SharedEndpoints;
import dev.jwtsecured.processor.validation.UnsecuredResources;
import dev.jwtsecured.processor.writing.EarlierBuild;
import dev.jwtsecured.processor.writing.GeneratedFiles;
import dev.jwtsecured.processor.writing.Outputs;
import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * The jwtsecured annotation processor: for each {@code @JwtSecured} class, validate it and the JAX-RS resources it
 * secures, then generate the filter, the typed access point and the feature.
 *
 * <p>It never throws out of {@link #process}: an internal failure becomes an error on the configuration class. A class
 * whose user type is not generated yet is deferred to the next round, and reported only if it never appears.
 *
 * <p>This class is the shell only (rounds, deferral, catch-and-report, the {@code -A} options); each step of
 * {@link #check} and {@link #write} lives in the package that shows its place in the pipeline: {@code validation},
 * {@code model}, {@code generation}, {@code writing}. A round checks every configuration before it writes any: the
 * locator guard of each leaves to their own rules the root operations of the others of its application.
 *
 * <p>It is over 300 lines because the shell carries each configuration through both halves of a round ({@link #check},
 * then {@link #write} once the round's others are known), with the state the rounds share (deferred configurations,
 * claimed resources and endpoints, what was written) and the internal-error net around each half.
 */
@AutoService(Processor.class)
public final class JwtSecuredProcessor extends ReportingProcessor {
  /** Configuration classes waiting for a type that another processor may generate in a later round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Root resource classes seen in any round, by qualified name. */
  private final Set<String> resources = new LinkedHashSet<>();
  /** {@code @ApplicationPath} classes seen in any round, by qualified name. */
  private final Set<String> applications = new LinkedHashSet<>();
  /** The requests the generated resources of the configurations written so far answer, per application. */
  private final SharedEndpoints endpoints = new SharedEndpoints();
  /** The resource classes each configuration checked so far binds rules to; created with the first round. */
  private ResourceOwners owners;
  /** The packages of each configuration written so far, by name: a resource appearing there later is unseen. */
  private final Map<String, List<String>> written = new LinkedHashMap<>();
  /** What the configurations scanned secure, for the root resources none of them does. */
  private final UnsecuredResources unsecured = new UnsecuredResources();
  /** The types this processor generated, by qualified name. */
  private final Set<String> generated = new HashSet<>();
  /**
   * The {@code @ApplicationPath} classes (binary names) the configurations written so far took their path from, with
   * those configurations: recorded at the end, for a later build that compiles such a class alone.
   */
  private final Map<String, Set<String>> applicationUsers = new TreeMap<>();

  /** {@code -Ajwtsecured.warningsAsErrors=Tag,Tag|all}: report these warnings as errors (for CI). */
  static final String WARNINGS_AS_ERRORS = "jwtsecured.warningsAsErrors";
  /** {@code -Ajwtsecured.verbose=true}: a note per configuration: what was generated, how each route is exposed. */
  static final String VERBOSE = "jwtsecured.verbose";

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
    return Set.of(Names.JWT_SECURED, Names.USER_RETRIEVER, Names.AUTHENTICATOR, Names.REVOCATION_CHECK,
        Names.REFRESH_STORE, Names.GENERATED_CODE, Names.SUPPRESS_FB_WARNINGS);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    RouteScanner scanner = collect(round);
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
          error(Message.NOT_A_CLASS.format(e.getSimpleName(), Message.kind(e.getKind())), e);
        }
      }
    }

    HandlerPlacement.check(round, processingEnv.getElementUtils(), processingEnv.getTypeUtils())
        .forEach(this::report);
    ConfigScopes scopes = new ConfigScopes(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), scanner);
    ConfigScopes.Overlaps overlaps = scopes.overlaps(configs);
    overlaps.diagnostics().forEach(this::report);
    List<Checked> checked = new ArrayList<>();
    for (TypeElement config : configs) {
      if (overlaps.configs().contains(config)) {
        unsecured.notScanned();
        continue;
      }
      checkSafely(config, scanner, scopes, round.processingOver()).ifPresent(checked::add);
    }
    for (Checked c : checked) {
      writeSafely(c, checked);
    }
    if (round.processingOver()) {
      recordApplicationUsers();
      EarlierBuild earlier = new EarlierBuild(processingEnv.getFiler());
      // A package an earlier build's configuration secures, one this compilation does not compile, is that one's.
      unsecured.warnings(processingEnv.getElementUtils(), resources, generated,
          pkg -> earlier.securingWithParents(pkg).stream().anyMatch(config -> !declared().contains(config)))
          .forEach(this::report);
    }
    return true; // only dev.jwtsecured annotations are supported, so claiming them takes nothing from another processor
  }

  private void recordApplicationUsers() {
    EarlierBuild earlier = new EarlierBuild(processingEnv.getFiler());
    applicationUsers.forEach((application, configs) -> {
      try {
        earlier.recordApplicationUsers(application, configs);
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Kind.ERROR,
            Message.INTERNAL_ERROR.format(e).toString());
      }
    });
  }

  /**
   * Writes the outputs of {@code config}, which this compilation does not compile (javac reads it from its class file),
   * from the resources of {@code round} and those the earlier build recorded: what {@link ResourceWatchProcessor} asks
   * for when a build of changed files compiles resources without their configuration. Returns the generated types.
   */
  Set<String> regenerate(TypeElement config, RoundEnvironment round) {
    RouteScanner scanner = collect(round);
    checkSafely(config, scanner,
        new ConfigScopes(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), scanner), true)
        .ifPresent(c -> writeSafely(c, List.of(c)));
    return Set.copyOf(generated);
  }

  /** Records what {@code round} declares: its types, root resources and {@code @ApplicationPath} classes. */
  private RouteScanner collect(RoundEnvironment round) {
    declare(round);
    RouteScanner scanner = new RouteScanner(processingEnv);
    for (TypeElement resource : scanner.resourceClasses(round.getRootElements())) {
      resources.add(resource.getQualifiedName().toString());
      written.forEach((config, packages) -> {
        if (scanner.inScope(resource, packages) && !generated.contains(resource.getQualifiedName().toString())) {
          report(Diagnostic.at(Message.RESOURCE_AFTER_CONFIGURATION.format(resource.getQualifiedName(), config),
              resource));
        }
      });
    }
    TypeElement applicationPath = processingEnv.getElementUtils().getTypeElement(Names.APPLICATION_PATH);
    if (applicationPath != null) {
      for (Element e : round.getElementsAnnotatedWith(applicationPath)) {
        if (e instanceof TypeElement t) {
          applications.add(t.getQualifiedName().toString());
        }
      }
    }
    return scanner;
  }

  /**
   * A configuration checked without errors, waiting to be written once the others of its round are checked:
   * {@code application} names the {@code Application} classes it shares with them, empty when nothing says it shares
   * one; {@code unplaced}: nothing places it in an application (no {@code Application} class, no
   * {@code applicationPath}); {@code inputs}, the classes besides the configuration that the outputs derive from.
   */
  private record Checked(TypeElement config, ConfigModel model, String application, boolean unplaced,
      List<Element> inputs, List<Element> applications) {}

  /** {@link #check}, with an internal failure reported as an error on the configuration. */
  private Optional<Checked> checkSafely(TypeElement config, RouteScanner scanner, ConfigScopes scopes,
      boolean lastRound) {
    try {
      return check(config, scanner, scopes, lastRound);
    } catch (RuntimeException | IOException | LinkageError e) {
      internalError(e, config);
      return Optional.empty();
    }
  }

  /** {@link #write}, with an internal failure reported as an error on the configuration. */
  private void writeSafely(Checked checked, List<Checked> round) {
    try {
      write(checked, round);
    } catch (RuntimeException | IOException | LinkageError e) {
      internalError(e, checked.config());
    }
  }

  private void internalError(Throwable e, TypeElement config) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    error(Message.INTERNAL_ERROR.format(trace), config);
  }

  /**
   * One configuration, in pipeline order up to its model: scan its packages, resolve the application path, validate.
   * Empty when it has errors or waits for a later round.
   */
  private Optional<Checked> check(TypeElement config, RouteScanner scanner, ConfigScopes scopes, boolean lastRound)
      throws IOException {
    Optional<AnnotationMirror> mirror = AnnotationValues.find(config, Names.JWT_SECURED);
    if (mirror.isEmpty()) {
      return Optional.empty();
    }
    // Mistakes in what the configuration secures, said at once: the rest is checked with the packages that are names
    // and the classes that are root resources, for all mistakes to be said together, and nothing is written.
    List<Diagnostic> scopeMistakes = new ArrayList<>(ConfigScopes.invalidPackages(config, mirror.get()));
    scopeMistakes.forEach(this::report);
    if (!scopeMistakes.isEmpty()) {
      unsecured.notScanned();
    }
    List<TypeElement> earlier = new ArrayList<>();
    EarlierBuild record = new EarlierBuild(processingEnv.getFiler());
    Optional<Diagnostic> unreadable = scopes.earlierInputs(config, record.inputs(ClassName.get(config)),
        record::compiled, earlier);
    if (unreadable.isPresent()) {
      unsecured.notScanned();
      report(unreadable.get());
      return Optional.empty();
    }
    ConfigScopes.Scoped scoped = scopes.scan(config, mirror.get(), resources, earlier);
    unsecured.scanned(config, scoped);
    scoped.problems().forEach(this::report);
    scopeMistakes.addAll(scoped.problems());
    if (scoped.problems().stream().anyMatch(d -> d.text().message() == Message.TOO_MANY_LOCATOR_PATHS)) {
      return Optional.empty(); // the scan stopped part way: its routes are not all there are
    }
    if (scoped.pending().isPresent() && scopeMistakes.isEmpty()) {
      PendingTypes.Pending pending = scoped.pending().get();
      waitForGeneratedType(config, lastRound, Diagnostic.at(
          Message.RESOURCE_TYPE_NEVER_GENERATED.format(pending.describe(), pending.type()), pending.element()));
      return Optional.empty();
    }
    Optional<Diagnostic> inaccessible = scopes.inaccessibleResource(config, mirror.get(), scoped);
    if (inaccessible.isPresent()) {
      report(inaccessible.get());
      return Optional.empty();
    }
    if (owners == null) {
      owners = new ResourceOwners(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    }
    List<Diagnostic> reachedByOthers = owners.claim(config, scoped.scan());
    if (!reachedByOthers.isEmpty()) {
      reachedByOthers.forEach(this::report);
      return Optional.empty();
    }
    Set<String> applicationClasses = new LinkedHashSet<>(applications);
    earlier.stream().filter(t -> AnnotationValues.find(t, Names.APPLICATION_PATH).isPresent())
        .forEach(t -> applicationClasses.add(t.getQualifiedName().toString()));
    ApplicationPaths.Resolved appPath = new ApplicationPaths(processingEnv.getElementUtils(), scanner)
        .resolve(config, mirror.get(), scoped.packages(), applicationClasses);
    ConfigValidator.Result result = new ConfigValidator(processingEnv)
        .validate(config, mirror.get(), scoped.scan(), scoped.packages(), appPath.problem().isPresent() ? ""
            : appPath.path());
    if (appPath.problem().isPresent() || !scopeMistakes.isEmpty()) {
      // The rest was validated all the same (nothing in it reads the path, or needs the classes that are no root
      // resources), for its mistakes to be said together.
      appPath.problem().ifPresent(this::report);
      if (!result.deferred()) {
        result.diagnostics().forEach(this::report);
      }
      return Optional.empty();
    }
    if (result.deferred()) {
      waitForGeneratedType(config, lastRound,
          Diagnostic.at(Message.TYPE_NEVER_GENERATED.format(result.deferredMethod()), config));
      return Optional.empty();
    }
    result.diagnostics().forEach(this::report);
    if (result.model().isEmpty()) {
      return Optional.empty();
    }
    ConfigModel model = result.model().get();
    List<Element> shared = appPath.nearby() ? appPath.applications() : List.of();
    List<Diagnostic> collisions = endpoints.claim(model, config, mirror.get(), shared);
    if (!collisions.isEmpty()) {
      collisions.forEach(this::report);
      return Optional.empty();
    }
    endpoints.shareSecret(model, config, mirror.get(), shared).ifPresent(this::report);
    // The classes besides the configuration that the outputs derive from: its resources and application classes.
    List<Element> inputs = new ArrayList<>(scoped.roots());
    inputs.addAll(appPath.applications());
    String application = String.join(",", new TreeSet<>(shared.stream()
        .map(e -> ((TypeElement) e).getQualifiedName().toString()).toList()));
    boolean unplaced = appPath.applications().isEmpty()
        && AnnotationValues.value(mirror.get(), "applicationPath").isEmpty();
    return Optional.of(new Checked(config, model, application, unplaced, inputs, appPath.applications()));
  }

  /**
   * Writes the outputs of {@code checked}, whose locator guard also leaves to their own rules what JAX-RS matches first
   * among the root operations of the other configurations of {@code round} that share its application.
   */
  private void write(Checked checked, List<Checked> round) throws IOException {
    TypeElement config = checked.config();
    List<RouteModel.RootOperation> others = new ArrayList<>();
    Optional<Message.Text> unknownRoot = Optional.empty();
    for (Checked other : round) {
      if (other == checked || !other.model().applicationPath().equals(checked.model().applicationPath())) {
        continue;
      }
      boolean placed = !checked.application().isEmpty() && other.application().equals(checked.application());
      if (placed) {
        others.addAll(other.model().rootOperations());
      }
      // Configurations of one application path that no Application class of theirs places (none, or each its
      // applicationPath alone) may be features of one application started with SeBootstrap: their features share
      // their root operations when it starts (SharedRoots), except those the guard cannot leave to the other.
      if ((placed || checked.application().isEmpty() && other.application().isEmpty()) && unknownRoot.isEmpty()) {
        unknownRoot = RootsBefore.beforeUnknownRoot(checked.model(), other.model());
      }
    }
    unknownRoot.ifPresent(text -> report(Diagnostic.at(text, config,
        AnnotationValues.find(config, Names.JWT_SECURED).orElse(null), null)));
    ConfigModel model = RootsBefore.withOthers(checked.model(), others);
    beforeWriting.accept(model);
    List<Element> inputs = checked.inputs();
    List<Element> originating = new ArrayList<>(List.of(config));
    originating.addAll(inputs);
    Outputs.Written outputs = new Outputs(new GeneratedFiles(processingEnv, config)).write(model, inputs.stream()
        .map(e -> processingEnv.getElementUtils().getBinaryName((TypeElement) e).toString()).toList(), originating,
        declared());
    if (!outputs.taken().isEmpty()) {
      error(Message.GENERATED_NAME_TAKEN.format(config.getSimpleName(), String.join(", ", outputs.taken())), config);
      return;
    }
    written.put(config.getQualifiedName().toString(), model.basePackages());
    for (Element application : checked.applications()) {
      applicationUsers.computeIfAbsent(
          processingEnv.getElementUtils().getBinaryName((TypeElement) application).toString(), a -> new TreeSet<>())
          .add(config.getQualifiedName().toString());
    }
    generated.addAll(outputs.types());
    if (Boolean.parseBoolean(processingEnv.getOptions().get(VERBOSE))) {
      processingEnv.getMessager().printMessage(Kind.NOTE, outputs.summary(), config);
    }
  }

  /**
   * Processes {@code config} again in the next round, when another processor may have generated the type it waits for;
   * in the last round, reports {@code missing}.
   */
  private void waitForGeneratedType(TypeElement config, boolean lastRound, Diagnostic missing) {
    if (lastRound) {
      report(missing);
    } else {
      deferred.add(config.getQualifiedName().toString());
    }
  }

  private void error(Message.Text message, Element element) {
    report(Diagnostic.at(message, element));
  }
}
