package dev.jwtsecured.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one server per test class, the first time a test or lifecycle method asks for it as a parameter, and closes it
 * when the class is done. The server lives in JUnit's store of the class, not in a static field of the test. A class
 * with several servers names them: {@code @Named("cookies") TestServer cookies}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.start(...));
 *
 * @BeforeEach
 * void connect(TestServer server) { this.server = server; }
 * }</pre>
 */
public final class ServerPerClass implements ParameterResolver {
  /** Names a server parameter when a class has several. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Named {
    String value();
  }

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServerPerClass.class);

  private final String name;
  private final Supplier<?> setUp;
  private final Class<?> fixtureType;
  private final Function<Object, TestServer> start;

  /** The class's unnamed server. */
  public ServerPerClass(Supplier<TestServer> start) {
    this("", start);
  }

  /** A named server. */
  public ServerPerClass(String name, Supplier<TestServer> start) {
    this(name, () -> null, Void.class, ignored -> start.get());
  }

  private ServerPerClass(String name, Supplier<?> setUp, Class<?> fixtureType, Function<Object, TestServer> start) {
    this.name = name;
    this.setUp = setUp;
    this.fixtureType = fixtureType;
    this.start = start;
  }

  /**
   * The class's unnamed server, started from a fixture made first (an application whose state tests reach): tests may
   * take the fixture as a parameter too.
   */
  public static <F> ServerPerClass withFixture(Class<F> type, Supplier<F> setUp, Function<F, TestServer> start) {
    return new ServerPerClass("", setUp, type, fixture -> start.apply(type.cast(fixture)));
  }

  /** What the store holds for a class: the fixture and the server, closed together (the fixture when it can be). */
  private record Started(Object fixture, TestServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      if (fixture instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException("the fixture did not close", e);
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == fixtureType) {
      return true;
    }
    if (type != TestServer.class) {
      return false;
    }
    String wanted = parameter.findAnnotation(Named.class).map(Named::value).orElse("");
    return wanted.equals(name);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    // An AutoCloseable in the store is closed when the class's context ends.
    Started started = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(name, k -> {
      Object fixture = setUp.get();
      return new Started(fixture, start.apply(fixture));
    }, Started.class);
    return parameter.getParameter().getType() == TestServer.class ? started.server() : started.fixture();
  }
}
