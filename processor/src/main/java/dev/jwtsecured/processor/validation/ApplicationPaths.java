package dev.jwtsecured.processor.validation;

import dev.jwtsecured.processor.model.Names;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds the {@code @ApplicationPath} a configuration's resources are served under: the explicit
 * {@code applicationPath} member; else the {@code Application} classes in the configuration's packages, then in the
 * nearest parent package that has one; else the only path in the compilation. Different paths at the level that
 * decides are an error asking for {@code applicationPath}.
 */
public final class ApplicationPaths {
  private static final Pattern PLAIN_PATH = Pattern.compile("/|(/[A-Za-z0-9._~!$&'()*+=:@-]+)+");

  /**
   * The path (empty for none), the classes it came from, or the problem that stops the configuration. {@code nearby}:
   * whether those classes lie in the configuration's packages or a parent package, rather than being the only ones in
   * the compilation; only then does the configuration surely belong to their application.
   */
  public record Resolved(String path, List<Element> applications, boolean nearby, Optional<Diagnostic> problem) {}

  private final Elements elements;
  private final RouteScanner scanner;

  public ApplicationPaths(Elements elements, RouteScanner scanner) {
    this.elements = elements;
    this.scanner = scanner;
  }

  public Resolved resolve(TypeElement config, AnnotationMirror mirror, List<String> scope,
      Collection<String> applications) {
    Optional<String> explicit = AnnotationValues.string(mirror, "applicationPath");
    if (explicit.isPresent() && !explicit.get().isEmpty()) {
      String path = withoutServletWildcard(explicit.get());
      if (!PLAIN_PATH.matcher(path).matches()) {
        return problem(Message.APPLICATION_PATH_INVALID.format(path), config, mirror);
      }
      return new Resolved(path.equals("/") ? "" : path, List.of(), false, Optional.empty());
    }
    List<TypeElement> all = new ArrayList<>();
    for (String name : applications) {
      TypeElement t = elements.getTypeElement(name);
      if (t != null) {
        all.add(t);
      }
    }
    List<TypeElement> inScope = all.stream().filter(a -> scanner.inScope(a, scope)).toList();
    if (!inScope.isEmpty()) {
      return decide(inScope, true, config, mirror);
    }
    for (String p = scanner.packageOf(config); !p.isEmpty(); p = parent(p)) {
      String pkg = p;
      List<TypeElement> here = all.stream().filter(a -> scanner.packageOf(a).equals(pkg)).toList();
      if (!here.isEmpty()) {
        return decide(here, true, config, mirror);
      }
    }
    return all.isEmpty() ? new Resolved("", List.of(), false, Optional.empty()) : decide(all, false, config, mirror);
  }

  /**
   * {@code /api} for {@code /api/*}: servlet containers take an application path written as a servlet mapping
   * ({@code /*} at the end) to mean its prefix, which is what resources are served under.
   */
  static String withoutServletWildcard(String path) {
    return !path.endsWith("/*") ? path : path.length() == 2 ? "/" : path.substring(0, path.length() - 2);
  }

  /**
   * {@code path} as requests spell it, which the runtime's settings take: JAX-RS percent-encodes an
   * {@code @ApplicationPath} value where it leaves RFC 3986's path characters ({@code /carte des caf\u00e9s} is served
   * at {@code /carte%20des%20caf%C3%A9s}), keeping what is already encoded; so is {@code ;} and {@code ,} here, which
   * would end a cookie's {@code Path} attribute. Template braces stay.
   */
  public static String asRequested(String path) {
    StringBuilder out = new StringBuilder(path.length());
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean encoded = b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]);
      if (encoded || b < 0x80 && REQUESTED_AS_IS.indexOf(b) >= 0) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
      }
    }
    return out.toString();
  }

  private static final String HEX = "0123456789ABCDEF";
  /** RFC 3986 unreserved characters, sub-delimiters but {@code ,} and {@code ;}, and {@code :@/}; braces. */
  private static final String REQUESTED_AS_IS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+=:@/{}";

  private static boolean hex(byte b) {
    return b >= '0' && b <= '9' || b >= 'A' && b <= 'F' || b >= 'a' && b <= 'f';
  }

  private Resolved decide(List<TypeElement> candidates, boolean nearby, TypeElement config, AnnotationMirror mirror) {
    TreeSet<String> paths = new TreeSet<>();
    for (TypeElement a : candidates) {
      paths.add(RouteScanner.join(withoutServletWildcard(RouteScanner.pathOf(a, Names.APPLICATION_PATH).orElse(""))));
    }
    if (paths.size() > 1) {
      return problem(Message.APPLICATION_PATH_AMBIGUOUS.format(String.join(", ", paths), paths.first()), config,
          mirror);
    }
    String path = paths.first();
    return new Resolved(path.equals("/") ? "" : path, List.copyOf(candidates), nearby, Optional.empty());
  }

  private static Resolved problem(Message.Text message, TypeElement config, AnnotationMirror mirror) {
    return new Resolved("", List.of(), false,
        Optional.of(Diagnostic.at(message, config, mirror, AnnotationValues.value(mirror, "applicationPath")
            .orElse(null))));
  }

  private static String parent(String pkg) {
    int dot = pkg.lastIndexOf('.');
    return dot < 0 ? "" : pkg.substring(0, dot);
  }
}
