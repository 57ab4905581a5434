package dev.jwtsecured.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Source snippets for compile tests. */
final class Sources {
  static final String IMPORTS = String.join("\n",
      "import dev.jwtsecured.*;",
      "import dev.jwtsecured.runtime.*;",
      "import jakarta.ws.rs.*;",
      "import jakarta.ws.rs.container.ContainerRequestContext;",
      "import jakarta.annotation.security.*;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "");

  private Sources() {}

  /** {@code test.<name>} with the common imports and {@code body} after them. */
  static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceString("test." + name,
        "package test;\n" + IMPORTS + String.join("\n", lines) + "\n");
  }

  /** {@code test.Config} with a placeholder secret and a static retriever, nothing else. */
  static JavaFileObject plainConfig() {
    return source("Config",
        "@JwtSecured(secret = \"${JWT_SECRET}\")",
        "final class Config {",
        "  @UserRetriever static User user(Token token) { return null; }",
        "}");
  }

  /** A user type for configurations. */
  static JavaFileObject user() {
    return source("User", "public record User(String name) {}");
  }
}
