package dev.jwtsecured.runtime.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides, before JAX-RS matches a request, whether it may reach a protected sub-resource locator: the one place where
 * a request path is compared with templates at run time, and only in the direction of asking for a token more often.
 * The path is tried as sent, percent-decoded, with its escapes' digits in upper case, normalized as JAX-RS 3.7.1 asks
 * ({@link PathEscapes#normalized}), without matrix parameters, with repeated slashes folded (matrix parameters dropped
 * or kept) and with dot-segments resolved; any of them matching counts. A path that a method beside a locator takes
 * before it, sent plainly and matched in every form a runtime may match it in, does not count for that locator.
 *
 * <p>It is some 60 lines over 300 because every form of a path that the runtimes tried may match is read here, beside
 * the others: a form read in one place and not another is how a locator ran without a token before.
 */
public final class LocatorPaths {
  private static final Pattern MATRIX = Pattern.compile(";[^/]*");
  private static final Pattern SLASHES = Pattern.compile("/{2,}");

  private LocatorPaths() {}

  /**
   * Whether any form of the request's path fully matches one of {@code locators}; failing closed, whether the runtime
   * cannot build the request's URI ({@link RequestUris}), which authentication then refuses, or decode its path.
   */
  public static boolean matches(UriInfo uri, Pattern[] locators) {
    String[] sent = encodedPaths(uri);
    String decoded = RequestUris.decodedPath(uri);
    return sent == null || decoded == null || reachesAny(sent, decoded, locators);
  }

  /**
   * Whether the request may reach one of {@code locators}, as {@link #matches(UriInfo, Pattern[])} decides, except
   * where JAX-RS takes it to a method of the locator's class that it matches before the locator ({@code beside[i]}
   * for {@code locators[i]}): a literal path beside a template, such as {@code /files/count} beside
   * {@code /files/{name}}. Only a path sent plainly ({@link #plainPath}: no matrix parameter, empty or dot segment,
   * character a path holds only escaped or escape of what shapes a path), matching there in every form a runtime may
   * match it in ({@link PathEscapes#forms}), for a request method served there, counts as taken: every runtime
   * matches it alike.
   */
  public static boolean matches(ContainerRequestContext request, Pattern[] locators, Beside[][] beside) {
    return reach(request, locators, beside, false, false) != null;
  }

  /**
   * {@link #matches(ContainerRequestContext, Pattern[], Beside[][])}, before the application's pre-matching filters,
   * which may change the request method (an {@code X-HTTP-Method-Override}): {@code false} too where a path beside a
   * locator takes the request for another method than its own, which only the method JAX-RS matches decides. The
   * guard leaves such a request to its {@code Late}, which runs after those filters and decides it.
   */
  public static boolean matchesEarly(ContainerRequestContext request, Pattern[] locators, Beside[][] beside) {
    return reach(request, locators, beside, false, true) != null;
  }

  /**
   * Which of {@code locators} the request may reach, each decided as {@link #matches(ContainerRequestContext,
   * Pattern[], Beside[][])} decides for one ({@code beside} {@code null}: nothing is matched before them), or
   * {@code null} when it may reach none.
   */
  public static boolean[] reached(ContainerRequestContext request, Pattern[] locators, Beside[][] beside) {
    return reach(request, locators, beside, true, false);
  }

  /** {@link #reached}, before the application's pre-matching filters, as {@link #matchesEarly} decides. */
  public static boolean[] reachedEarly(ContainerRequestContext request, Pattern[] locators, Beside[][] beside) {
    return reach(request, locators, beside, true, true);
  }

  /** What {@link #reach} answers where one locator the request may reach is enough to know. */
  private static final boolean[] SOME = new boolean[0];

  /**
   * The locators the request may reach ({@code each}), or, where any one is enough, {@link #SOME} as soon as one is
   * known; {@code null} for none, and, {@code early}, where a path beside a locator takes it for another method.
   */
  private static boolean[] reach(ContainerRequestContext request, Pattern[] locators, Beside[][] beside,
      boolean each, boolean early) {
    UriInfo uri = request.getUriInfo();
    String[] sents = encodedPaths(uri);
    String decoded = RequestUris.decodedPath(uri);
    if (sents == null || decoded == null) {
      // Failing closed: a request whose URI the runtime cannot build may reach them all; authentication refuses it.
      // One whose path it cannot decode (Quarkus REST: empty%25) may too; it needs a token and each locator's rule.
      boolean[] all = new boolean[locators.length];
      Arrays.fill(all, true);
      return each ? all : SOME;
    }
    // Most requests reach no locator.
    if (!reachesAny(sents, decoded, locators)) {
      return null;
    }
    // A path not sent plainly, the application's base path among it, is taken by nothing beside a locator.
    String[] plain = beside == null || sents.length > 1 ? null : plainPath(sents[0]);
    if (plain != null && !plain[plain.length - 1].equals(absolute(decoded))) {
      // Nor one the runtime decodes otherwise than it was sent: Quarkus REST gives a request URI with segments it
      // drops (/shelves/.;/count as /shelves/count), and matches the path it decodes (/shelves/./count).
      plain = null;
    }
    if (plain == null && !each) {
      return SOME;
    }
    boolean[] taken = new boolean[locators.length];
    boolean anyTaken = false;
    for (int i = 0; plain != null && i < locators.length; i++) {
      taken[i] = takenAt(plain, request.getMethod(), beside[i]);
      anyTaken |= taken[i];
      if (early && !taken[i] && takenAt(plain, null, beside[i])) {
        // Taken for another method: a filter after the guard may change the method to it (a POST served as GET).
        return null;
      }
    }
    if (!anyTaken && !each) {
      return SOME;
    }
    // Taken from a locator's template: it counts only where the path may reach another.
    boolean[] reached = new boolean[locators.length];
    boolean any = false;
    Pattern[] one = new Pattern[1];
    for (int i = 0; i < locators.length; i++) {
      one[0] = locators[i];
      reached[i] = !taken[i] && reachesAny(sents, decoded, one);
      if (reached[i] && !each) {
        return SOME;
      }
      any |= reached[i];
    }
    return any ? reached : null;
  }

  /**
   * What a request that may reach the locators {@code reached} marks needs: a valid token, and the rule of each one
   * ({@code rules[i]} for {@code locators[i]}), checked before JAX-RS runs them.
   */
  public static AccessRule rule(boolean[] reached, AccessRule[] rules) {
    AccessRule rule = AccessRule.AUTHENTICATED;
    for (int i = 0; i < reached.length; i++) {
      if (reached[i]) {
        rule = AccessRule.both(rule, rules[i]);
      }
    }
    return rule;
  }

  /** Whether a method in {@code beside} takes the request for {@code method} at the path {@code sent}. */
  static boolean taken(String sent, String method, Beside[] beside) {
    String[] plain = plainPath(sent);
    return plain != null && takenAt(plain, method, beside);
  }

  /**
   * {@link #taken}, for the forms of a plain path ({@link #plainPath}): its path must match them all; {@code method}
   * {@code null}: for any method.
   */
  private static boolean takenAt(String[] forms, String method, Beside[] beside) {
    for (Beside b : beside) {
      if ((method == null || b.methods.isEmpty() || b.methods.contains(method)) && matchesAll(b.path, forms)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAll(Pattern path, String[] forms) {
    for (String form : forms) {
      if (!path.matcher(form).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String absolute(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }

  /**
   * The forms of {@code sent} that a runtime may match to a template ({@link PathEscapes#forms}: as sent, with its
   * escapes' digits in upper and in lower case, with escaped letters and digits decoded, decoded), each starting with
   * {@code /}: what JAX-RS matches before a locator takes the request only where it matches every form (a parameter's
   * value {@code a%20b}, but not {@code caf%C3%A9} at a method's {@code "café"}, which Quarkus REST takes to a locator
   * at {@code {name}} beside it and the others to the method). {@code null} where a runtime may read it otherwise: a
   * matrix parameter, an empty or dot segment, or what {@link PathEscapes#forms} refuses.
   */
  static String[] plainPath(String sent) {
    if (sent.indexOf(';') >= 0 || sent.contains("//")) {
      return null;
    }
    String segments = "/" + sent + "/";
    String[] forms = segments.contains("/./") || segments.contains("/../") ? null : PathEscapes.forms(sent);
    if (forms == null) {
      return null;
    }
    for (int i = 0; i < forms.length; i++) {
      forms[i] = absolute(forms[i]);
    }
    return forms;
  }

  /** {@code regex} (a path beside a locator) served for {@code methods}, or for every method when none are named. */
  public static Beside beside(String regex, String... methods) {
    return new Beside(Pattern.compile(regex), List.of(methods));
  }

  /** A path JAX-RS matches before a locator beside it, and the request methods served there (none: every one). */
  public static final class Beside {
    private final Pattern path;
    private final List<String> methods;

    private Beside(Pattern path, List<String> methods) {
      this.path = path;
      this.methods = methods;
    }

    /** Its path's regular expression and its request methods: equal for two that take the same requests. */
    String key() {
      return path.pattern() + " " + methods;
    }
  }

  /**
   * The request's path relative to the application, as sent: what {@code uri.getPath(false)} gives, which Quarkus REST
   * refuses to give (it throws). Where the request's path holds a dot-segment, escaped or not, or the base path is
   * not a prefix of it as sent (an escape within it, {@code /a%70i/...}), besides that (or the whole request path) the
   * paths after the base path in each form a runtime may resolve the request's to: its dot-segments resolved in the
   * whole path ({@code /api/%2e%2e/api/x} is {@code /api/x}), before or after normalizing it as Quarkus REST does
   * ({@link PathEscapes#normalized}). The decoded form is tried besides. {@code null} where the runtime cannot build
   * the request's URI ({@link RequestUris}).
   */
  static String[] encodedPaths(UriInfo uri) {
    String request = RequestUris.rawPath(uri);
    String base = RequestUris.rawBasePath(uri);
    return request == null || base == null ? null : relativePaths(request, base);
  }

  /** {@link #encodedPaths(UriInfo)}, for the raw paths of a request and of the application's base. */
  static String[] relativePaths(String request, String base) {
    String relative = relative(request, base);
    String normal = PathEscapes.normalized(request);
    if (relative != null && !hasDots(normal)) {
      return new String[] {relative};
    }
    // Its dot-segments resolved in the whole path: /api/%2e%2e/api/x is /api/x.
    String resolved = relative(resolveDots(request), base);
    String normalized = relative(resolveDots(normal), base);
    List<String> paths = new ArrayList<>(3);
    for (String path : new String[] {relative == null ? request : relative, resolved, normalized}) {
      if (path != null && !paths.contains(path)) {
        paths.add(path);
      }
    }
    return paths.toArray(new String[0]);
  }

  /** {@code request} after {@code base}, or {@code null} where {@code base} is not a prefix of it. */
  private static String relative(String request, String base) {
    if (request.startsWith(base)) {
      return request.substring(base.length());
    }
    return base.endsWith("/") && request.equals(base.substring(0, base.length() - 1)) ? "" : null;
  }

  /**
   * {@link #reaches}, for any of the paths {@code sent}, or for the runtime's decoded path escaped again as JAX-RS
   * escapes a template ({@link PathEscapes#encoded}): Quarkus REST gives a request URI that it resolved otherwise than
   * the path it matches ({@code /api/zz/%2e/../x} as {@code /api/zz/x}, matching {@code /x}).
   */
  static boolean reachesAny(String[] sent, String decoded, Pattern[] locators) {
    for (String path : sent) {
      if (reaches(path, decoded, locators)) {
        return true;
      }
    }
    String encoded = PathEscapes.encoded(decoded);
    return !encoded.equals(decoded) && matchesAny(encoded, locators);
  }

  /**
   * Whether the path as sent, decoded, as sent with its escapes' digits in upper case, or normalized as JAX-RS asks
   * ({@link PathEscapes#normalized}) matches one of {@code locators} in any form ({@link #matchesAny}): Jersey matches
   * {@code caf%c3%a9} to a template written {@code caf%C3%A9}, which neither as sent nor decoded matches, and Quarkus
   * REST, normalizing the path as JAX-RS 3.7.1 says, matches {@code %63af%C3%A9} to it, which none of the others
   * matches.
   */
  static boolean reaches(String sent, String decoded, Pattern[] locators) {
    // A path without escapes is its own decoded form: tested once.
    if (matchesAny(sent, locators) || !samePath(sent, decoded) && matchesAny(decoded, locators)) {
      return true;
    }
    String upper = PathEscapes.upperCaseEscapes(sent);
    if (upper != sent && matchesAny(upper, locators)) {
      return true;
    }
    String normalized = PathEscapes.normalized(sent);
    return normalized != sent && !normalized.equals(upper) && matchesAny(normalized, locators);
  }

  /** Whether {@code a} and {@code b} are one path once each starts with a slash, as {@link #matchesAny} tests it. */
  private static boolean samePath(String a, String b) {
    int i = a.startsWith("/") ? 1 : 0;
    int j = b.startsWith("/") ? 1 : 0;
    return a.length() - i == b.length() - j && a.regionMatches(i, b, j, a.length() - i);
  }

  static boolean matchesAny(String path, Pattern[] locators) {
    String absolute = path.startsWith("/") ? path : "/" + path;
    if (test(absolute, locators)) {
      return true;
    }
    String plain = absolute.indexOf(';') < 0 ? absolute : MATRIX.matcher(absolute).replaceAll("");
    plain = plain.contains("//") ? SLASHES.matcher(plain).replaceAll("/") : plain;
    if (plain != absolute && test(plain, locators)) {
      return true;
    }
    // Apache CXF folds repeated slashes but matches templates against segments with their matrix parameters: a
    // segment holding only one (/safe//;a=b) takes a parameter, its value empty once the parameter is dropped.
    String folded = absolute.contains("//") ? SLASHES.matcher(absolute).replaceAll("/") : absolute;
    if (folded != absolute && folded.indexOf(';') >= 0 && test(folded, locators)) {
      return true;
    }
    // Only a path with a dot-segment ("." or "..") reads otherwise once they are resolved.
    return hasDots(plain) && test(resolveDots(plain), locators)
        || folded.indexOf(';') >= 0 && hasDots(folded) && test(resolveDots(folded), locators);
  }

  private static boolean hasDots(String path) {
    return path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..");
  }

  private static boolean test(String path, Pattern[] locators) {
    for (Pattern p : locators) {
      if (p.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  /** {@code /a/./b/../c} becomes {@code /a/c}. */
  static String resolveDots(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
      } else {
        out.append('/').append(segment);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }
}
