package dev.jwtsecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jwtsecured.processor.Sources.source;
import static dev.jwtsecured.processor.Sources.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import dev.jwtsecured.processor.validation.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lombok, the annotation processor that most often shares a build with this one, adds constructors to the classes it
 * reads. Which of the two javac runs first follows the order of the processor path, which users choose freely; the
 * output must not depend on it. A configuration class whose constructors Lombok makes (here a Spring-style bean that
 * gets its repository through {@code @RequiredArgsConstructor}) shows javac's implicit no-argument constructor to a
 * processor that runs before Lombok, and that constructor is gone once Lombok ran.
 */
class LombokTest {
  private static final JavaFileObject USERS = source("Users",
      "public class Users {",
      "  public Optional<User> find(String name) { return Optional.of(new User(name)); }",
      "}");

  /** Lombok's processors, as javac finds them on a processor path (their classes are not public). */
  private static List<Processor> lombok() {
    List<Processor> lombok = ServiceLoader.load(Processor.class, LombokTest.class.getClassLoader()).stream()
        .filter(provider -> provider.type().getName().startsWith("lombok."))
        .map(ServiceLoader.Provider::get)
        .toList();
    assertFalse(lombok.isEmpty(), "Lombok on the test class path");
    return lombok;
  }

  /** A retriever asking the field {@code users}. */
  private static final String FIND =
      "  @UserRetriever Optional<User> user(Token token) { return users.find(token.subject()); }";

  /** {@code test.Config} carrying {@code lombok}, with {@code members}. */
  private static JavaFileObject config(String lombok, String... members) {
    List<String> lines =
        new ArrayList<>(List.of(lombok, "@JwtSecured(secret = \"${JWT_SECRET}\")", "public class Config {"));
    lines.addAll(List.of(members));
    lines.add("}");
    return source("Config", lines.toArray(new String[0]));
  }

  private static Compilation compile(boolean lombokFirst, JavaFileObject config) {
    List<Processor> processors = new ArrayList<>(lombok());
    processors.add(lombokFirst ? processors.size() : 0, new JwtSecuredProcessor());
    return javac().withProcessors(processors).compile(user(), USERS, config);
  }

  /**
   * Failed before the fix when this processor ran first: the generated feature called {@code new Config()}, a
   * constructor Lombok then replaced, and javac reported the error inside the generated file.
   */
  @ParameterizedTest(name = "Lombok first: {0}")
  @ValueSource(booleans = {true, false})
  void constructorsLombokMakesAreLeftToTheApplicationInEitherOrder(boolean lombokFirst) throws Exception {
    JavaFileObject config = config("@lombok.RequiredArgsConstructor", "  private final Users users;", FIND);
    Compilation c = compile(lombokFirst, config);
    assertThat(c).succeededWithoutWarnings();
    String feature = c.generatedSourceFile("test.ConfigJwtFeature").orElseThrow().getCharContent(true).toString();
    assertEquals(List.of("public ConfigJwtFeature(Config config) {",
            "public ConfigJwtFeature(Config config, JwtSettings settings) {"),
        feature.lines().map(String::strip).filter(line -> line.startsWith("public ConfigJwtFeature(")).toList());
    assertEquals(feature, compile(!lombokFirst, config).generatedSourceFile("test.ConfigJwtFeature").orElseThrow()
        .getCharContent(true).toString(), "the same feature whichever processor runs first");
  }

  /**
   * Whether the application can get an instance is not judged where Lombok makes the constructors: running before
   * Lombok, the processor would see javac's public implicit constructor, and after it only Lombok's private one.
   */
  @ParameterizedTest(name = "Lombok first: {0}")
  @ValueSource(booleans = {true, false})
  void noCallableConstructorIsNotJudgedBeforeLombok(boolean lombokFirst) {
    JavaFileObject config = config("@lombok.RequiredArgsConstructor(access = lombok.AccessLevel.PRIVATE)",
        "  private final Users users;", FIND);
    assertThat(compile(lombokFirst, config)).succeededWithoutWarnings();
  }

  /**
   * Lombok's {@code @UtilityClass} makes the one constructor private and the methods static as it runs. Failed before
   * the fix when this processor ran first: javac reported the private constructor inside the generated feature; now
   * the class gets the same diagnostic in either order, at its declaration.
   */
  @ParameterizedTest(name = "Lombok first: {0}")
  @ValueSource(booleans = {true, false})
  void aUtilityClassWithInstanceHandlersIsNoCallableConstructorInEitherOrder(boolean lombokFirst) {
    JavaFileObject config = config("@lombok.experimental.UtilityClass",
        "  @UserRetriever Optional<User> user(Token token) { return Optional.of(new User(token.subject())); }");
    Compilation c = compile(lombokFirst, config);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[" + Message.NO_CALLABLE_CONSTRUCTOR.tag() + "]").inFile(config)
        .onLineContaining("public class Config");
  }

  /** A Lombok annotation that makes no constructor leaves javac's implicit one, which the feature calls. */
  @ParameterizedTest(name = "Lombok first: {0}")
  @ValueSource(booleans = {true, false})
  void theImplicitConstructorStillServesBesideOtherLombokAnnotations(boolean lombokFirst) throws Exception {
    JavaFileObject config = config("@lombok.Getter", "  private final Users users = new Users();",
        "  @UserRetriever Optional<User> user(Token token) { return getUsers().find(token.subject()); }");
    Compilation c = compile(lombokFirst, config);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ConfigJwtFeature").contentsAsUtf8String()
        .contains("public ConfigJwtFeature() {\n    this(new Config());");
  }
}
