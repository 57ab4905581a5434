package dev.jwtsecured.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * JAX-RS path templates: their OpenAPI form, the regular expression a JAX-RS runtime matches them with, and the order
 * in which it tries them. One definition for the processor (which carries a copy of this class) and the runtime.
 *
 * <p>It is longer than most classes here because the order is one set of rules read from several sides: the keys of
 * JAX-RS, RESTEasy's own keys and the template as it registers it, and what a guard may leave to a method beside a
 * locator; split, the processor and the locator guard could come to read them apart.
 */
public final class Templates {
  /** {@code {name}} or {@code {name: regex}} in a JAX-RS path template. */
  public static final Pattern PARAM = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

  private Templates() {}

  /** {@code /items/{id: [0-9]+}} becomes {@code /items/{id}}. */
  public static String openApi(String template) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("{" + m.group(1) + "}"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The regular expression of {@code template} as JAX-RS matches it (JAX-RS 3.7.3): literal characters as themselves,
   * {@code {name}} as {@code [^/]+}, {@code {name: regex}} as that regex.
   */
  public static String regex(String template) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(quote(template.substring(last, m.start())));
      String custom = m.group(2);
      out.append(custom == null || custom.isBlank() ? "[^/]+" : "(?:" + custom.trim() + ")");
      last = m.end();
    }
    out.append(quote(template.substring(last)));
    return out.toString();
  }

  /**
   * The regular expression of {@code template} and every path below it, as JAX-RS matches a locator's template: at
   * {@code /} (the application's root, or a locator without a path of its own there), every path. What a path beside
   * a guarded locator takes: it stays this narrow, so that it never takes more than JAX-RS gives it.
   */
  public static String below(String template) {
    return template.equals("/") ? "/.*" : regex(template) + "(?:/.*)?";
  }

  /**
   * {@link #below}, and where the last segment may be empty ({@code /store/{rest: .*}}), the path without it too: what
   * the locator guard asks a token for. Apache CXF takes {@code PUT /store} to such a locator, the rest empty, when no
   * method of the class at {@code /store} serves it.
   */
  public static String guarded(String template) {
    int slash = lastLiteralSlash(template);
    String last = template.substring(slash + 1);
    if (slash > 0 && !last.isEmpty() && literalCharacters(last) == 0 && matchesEmpty(regex(last))) {
      return "(?:" + regex(template) + "|" + regex(template.substring(0, slash)) + ")(?:/.*)?";
    }
    return below(template);
  }

  /** The index of the last {@code /} of {@code template} outside its parameters, or -1. */
  private static int lastLiteralSlash(String template) {
    Matcher m = PARAM.matcher(template);
    int last = -1;
    int from = 0;
    while (true) {
      boolean found = m.find();
      int slash = template.lastIndexOf('/', (found ? m.start() : template.length()) - 1);
      if (slash >= from) {
        last = slash;
      }
      if (!found) {
        return last;
      }
      from = m.end();
    }
  }

  private static boolean matchesEmpty(String regex) {
    try {
      return Pattern.compile(regex).matcher("").matches();
    } catch (PatternSyntaxException invalid) {
      return false;
    }
  }

  /**
   * A test of whether a request for a template, its parameters each one segment {@code x} or {@code 0}, could reach
   * the locator at {@code locator} as its guard sees it ({@link #guarded}: where its last parameter may be empty, its
   * path without it too): a path beside a locator that no such request reaches is left out (the guard then asks a
   * token where it might not need to, never the other way). A locator's regular expression that does not compile
   * reaches nothing here.
   */
  public static Predicate<String> reaching(String locator) {
    return reaching(locator, Templates::requests);
  }

  /** {@link #reaching}, with each template's requests ({@link #requests}) given by {@code requests}. */
  private static Predicate<String> reaching(String locator, Function<String, String[]> requests) {
    Pattern guarded;
    try {
      guarded = Pattern.compile(guarded(locator));
    } catch (PatternSyntaxException invalid) {
      return template -> false;
    }
    return template -> {
      String[] paths = requests.apply(template);
      return guarded.matcher(paths[0]).matches() || guarded.matcher(paths[1]).matches();
    };
  }

  /** The requests {@link #reaching} tries for {@code template}: its parameters each {@code x}, then each {@code 0}. */
  private static String[] requests(String template) {
    return new String[] {PARAM.matcher(template).replaceAll("x"), PARAM.matcher(template).replaceAll("0")};
  }

  /**
   * The regular expression of a path beside a guarded locator that JAX-RS matches before it: a locator's path
   * ({@code locator}) and everything below it, else a resource method's path, a last slash allowed.
   */
  public static String beside(String path, boolean locator) {
    return locator ? below(path) : regex(path) + "/?";
  }

  /**
   * A test of whether every runtime matches a root operation at a path, of the root resource class at a root path,
   * before the locator at {@code locatorPath} of another root resource class, at {@code locatorRootPath}, for a request
   * that may reach the locator ({@link #reaching}): JAX-RS first picks the root resource class by its template
   * ({@link #sortsBefore}), as RESTEasy does by default, by its own keys ({@link #firstAtRoot}: literal characters,
   * then parameters with a regular expression of their own alone; {@code locatorRootPath} as RESTEasy registers the
   * class, {@link #registered}); with {@code resteasy.wider.request.matching} RESTEasy sorts the templates of every
   * root resource's methods and locators together, and a request reaches the locator only through the outermost locator
   * on the way to it, which RESTEasy registers at {@code locatorEntry} (the locator itself where its class declares
   * it): the operation must sort first there too. Before, the classes were compared by the keys of JAX-RS alone, and
   * RESTEasy ran a locator of a class it sorts first by a parameter with a regular expression of its own, where JAX-RS
   * sorts the other class first by more parameters; and the operation's template was compared with the locator's own,
   * and a guard asked its token where the operation sorted first at the outermost locator though not at one behind it
   * (random application 65366). Only a root resource whose template's parameters stay within one segment each
   * ({@link #withinSegments}) counts: for another, which rest of the path its class sees is not known.
   */
  public static BiPredicate<String, String> takenBefore(String locatorPath, String locatorRootPath,
      String locatorEntry) {
    return new Order().takenBefore(locatorPath, locatorRootPath, locatorEntry);
  }

  /**
   * A test of whether a root operation at a path, of a root resource class at a root path whose template has a
   * parameter that may take several segments ({@code {rest: .*}}), may take requests that reach the locator at
   * {@code locatorPath} of another root resource class, at {@code locatorRootPath}: JAX-RS may match that class first,
   * and which requests it takes is not known from the templates, so {@link #takenBefore} leaves none of them to it.
   */
  public static BiPredicate<String, String> unknownBefore(String locatorPath, String locatorRootPath) {
    return new Order().unknownBefore(locatorPath, locatorRootPath);
  }

  /**
   * {@link #takenBefore} and {@link #unknownBefore} for many locators and operations, each template read once: a
   * guard of thousands of locators (locators leading to one another) meeting another configuration's thousand
   * operations took six seconds of start-up reading them again for every pair.
   */
  public static final class Order {
    private final Map<String, Key> keys = new HashMap<>();
    private final Map<String, String[]> requests = new HashMap<>();

    private Key key(String template) {
      return keys.computeIfAbsent(template, Key::of);
    }

    private Predicate<String> reaching(String locatorPath) {
      return Templates.reaching(locatorPath, template -> requests.computeIfAbsent(template, Templates::requests));
    }

    /** {@link Templates#takenBefore}. */
    public BiPredicate<String, String> takenBefore(String locatorPath, String locatorRootPath, String locatorEntry) {
      Predicate<String> reaching = reaching(locatorPath);
      Key entry = key(locatorEntry);
      Key locatorRoot = key(locatorRootPath);
      return (path, rootPath) -> {
        Key root = key(rootPath);
        return root.withinSegments && root.sortsBefore(locatorRoot) && root.firstAtRoot(locatorRoot)
            && key(path).firstAtRoot(entry) && reaching.test(path);
      };
    }

    /** {@link Templates#unknownBefore}. */
    public BiPredicate<String, String> unknownBefore(String locatorPath, String locatorRootPath) {
      Predicate<String> reaching = reaching(locatorPath);
      Key locatorRoot = key(locatorRootPath);
      return (path, rootPath) -> {
        Key root = key(rootPath);
        return !root.withinSegments && !locatorRoot.sortsBefore(root) && reaching.test(path);
      };
    }
  }

  /** What {@link #sortsBefore} and {@link #withinSegments} read of a template. */
  private record Key(int literals, int parameters, int ownRegex, boolean countable, boolean withinSegments) {
    static Key of(String template) {
      return new Key(literalCharacters(template), Templates.parameters(template, false),
          Templates.parameters(template, true), Templates.countable(template), Templates.withinSegments(template));
    }

    /** {@link Templates#sortsBefore}. */
    boolean sortsBefore(Key second) {
      int byLiterals = Integer.compare(literals, second.literals);
      if (byLiterals != 0 || !countable || !second.countable) {
        return byLiterals > 0;
      }
      int byParameters = Integer.compare(parameters, second.parameters);
      return byParameters != 0 ? byParameters > 0 : ownRegex > second.ownRegex;
    }

    /** {@link Templates#firstAtRoot}. */
    boolean firstAtRoot(Key entry) {
      if (literals != entry.literals) {
        return literals > entry.literals;
      }
      return countable && entry.countable && ownRegex > entry.ownRegex;
    }
  }

  /**
   * Whether RESTEasy tries the template {@code path}, as the processor writes templates, before the template it
   * registered at {@code registered} ({@link #registered}) where both match a request: a root resource class before
   * another, or, with wider matching, a root resource's operation before a locator: by more literal characters, or at
   * as many by more parameters with a regular expression of their own (it counts no others). RESTEasy drops the
   * template's first slash, which {@code registered} keeps, and may count more of its characters than the template as
   * the processor writes it (a slash written twice, a character it escapes), never fewer: so {@code path} sorts first
   * in RESTEasy wherever it does here. At as many of both, RESTEasy takes a resource method first and else either;
   * the guard then asks its token, the safe direction.
   */
  public static boolean firstAtRoot(String path, String registered) {
    return Key.of(path).firstAtRoot(Key.of(registered));
  }

  /**
   * The template at which RESTEasy registers the locator at {@code methodPath} of a root resource class at
   * {@code classPath} (each its {@code @Path} as written), as {@link #firstAtRoot} compares it: joined as its
   * {@code UriBuilder} joins them (where one ends and the other starts with a slash, one of them dropped; else one
   * added), the literal characters escaped that it escapes (all but letters, digits, {@code -._~!$&'()*+,;=:@/} and an
   * escape written in the template), one first and one last slash dropped, as RESTEasy drops them, and one slash
   * put first, as the processor writes templates. RESTEasy counts the literal characters of that form but the first
   * slash: {@code café} nine ({@code caf%C3%A9}), {@code a//} two ({@code a/}).
   */
  public static String registered(String classPath, String methodPath) {
    String path = "";
    for (String fragment : new String[] {classPath, methodPath}) {
      String segment = fragment;
      if (segment.isEmpty()) {
        continue;
      }
      if (path.endsWith("/")) {
        segment = segment.startsWith("/") ? segment.substring(1) : segment;
        path += escaped(segment);
      } else {
        segment = escaped(segment);
        path = path.isEmpty() ? segment : segment.startsWith("/") ? path + segment : path + "/" + segment;
      }
    }
    path = path.startsWith("/") ? path.substring(1) : path;
    path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return "/" + path;
  }

  /**
   * {@code path} as a URI's path: every character escaped (as UTF-8) but letters, digits, {@code -._~!$&'()*+,;=:@/}
   * and an escape already written ({@code /café/token} becomes {@code /caf%C3%A9/token}), as the OpenAPI document's
   * token URLs must be.
   */
  public static String escapedPath(String path) {
    return escapedLiteral(path);
  }

  /** {@code template}'s literal characters escaped as {@link #registered} says; its parameters as written. */
  private static String escaped(String template) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(escapedLiteral(template.substring(last, m.start()))).append(m.group());
      last = m.end();
    }
    return out.append(escapedLiteral(template.substring(last))).toString();
  }

  /** What RESTEasy leaves of a template's literal characters as they are: unreserved, sub-delimiters, :@/, escapes. */
  private static final Pattern KEPT = Pattern.compile("[A-Za-z0-9._~/!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2}");

  private static String escapedLiteral(String literal) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    Matcher kept = KEPT.matcher(literal);
    while (i < literal.length()) {
      if (kept.region(i, literal.length()).lookingAt()) {
        out.append(kept.group());
        i = kept.end();
        continue;
      }
      int next = literal.offsetByCodePoints(i, 1);
      for (byte b : literal.substring(i, next).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
      i = next;
    }
    return out.toString();
  }

  /**
   * The number of literal characters of {@code template}, its parameters left out: the first key by which JAX-RS
   * sorts the templates that match a request (JAX-RS 3.7.2), more first.
   */
  public static int literalCharacters(String template) {
    return PARAM.matcher(template).replaceAll("").length();
  }

  /**
   * Whether JAX-RS tries {@code first} before {@code second} where both match a request (JAX-RS 3.7.2, steps 2 and
   * 3): more literal characters; at as many, more parameters; at as many again, more parameters with a regular
   * expression of their own. Where the later keys would decide but a runtime might count them otherwise (a name used
   * twice, a regular expression with a group of its own, written as the default one or empty), it is not first: the
   * locator guard then asks for a token, never the other way.
   */
  public static boolean sortsBefore(String first, String second) {
    return Key.of(first).sortsBefore(Key.of(second));
  }

  /**
   * Whether every runtime tries the template {@code first} of a class before its locator at {@code locator} where both
   * match a request: JAX-RS ({@link #sortsBefore}; or {@link #sortsAlike}, for a resource method, which goes before a
   * locator), and RESTEasy, which counts no parameters: at as many literal characters it sorts by parameters with a
   * regular expression of their own, then a resource method before a locator, and else takes whichever it registered
   * first, by the order of the class's methods ({@code {name}} and {@code //}: either).
   *
   * @param method whether {@code first} is a resource method's template, else a locator's
   */
  public static boolean siblingFirst(String first, String locator, boolean method) {
    Key a = Key.of(first);
    Key b = Key.of(locator);
    if (a.sortsBefore(b) && a.firstAtRoot(b)) {
      return true;
    }
    // At as many of every key RESTEasy counts, it takes a resource method first, where JAX-RS does too.
    return method && (a.sortsBefore(b) || sortsAlike(first, locator)) && a.literals == b.literals
        && a.ownRegex == b.ownRegex;
  }

  /**
   * Whether JAX-RS sorts {@code a} and {@code b} alike by the keys of {@link #sortsBefore}: then a resource method
   * goes before a locator (JAX-RS 3.7.2, step 3, the fourth key).
   */
  public static boolean sortsAlike(String a, String b) {
    Key first = Key.of(a);
    Key second = Key.of(b);
    return first.countable && second.countable && first.literals == second.literals
        && first.parameters == second.parameters && first.ownRegex == second.ownRegex;
  }

  /**
   * Whether every parameter of {@code template} stays within one segment ({@code {id}}, {@code {id: [0-9]+}}), so that
   * JAX-RS leaves the same rest of a request's path to the class it leads to, whatever follows. A parameter that may
   * match a slash ({@code {rest: .*}}) takes as much as it can: what the class then sees cannot be told from the
   * templates alone. Only plain regular expressions count as staying within one: no {@code .}, no {@code /}, no
   * negated class but {@code [^/...]}, no escape but {@code \d}, {@code \w} and {@code \s}.
   */
  public static boolean withinSegments(String template) {
    Matcher m = PARAM.matcher(template);
    while (m.find()) {
      String regex = m.group(2) == null ? "" : m.group(2).trim();
      String unescaped = regex.replaceAll("\\\\[dws]", "");
      if (unescaped.contains(".") || unescaped.contains("/") || unescaped.contains("\\")
          || unescaped.replace("[^/", "").contains("[^")) {
        return false;
      }
    }
    return true;
  }

  /** The number of parameters of {@code template}; with {@code ownRegex}, those with a regular expression. */
  private static int parameters(String template, boolean ownRegex) {
    Matcher m = PARAM.matcher(template);
    int count = 0;
    while (m.find()) {
      count += !ownRegex || m.group(2) != null && !m.group(2).isBlank() ? 1 : 0;
    }
    return count;
  }

  /** Whether every runtime counts the parameters of {@code template} alike. */
  private static boolean countable(String template) {
    Matcher m = PARAM.matcher(template);
    Set<String> names = new HashSet<>();
    while (m.find()) {
      String regex = m.group(2) == null ? "" : m.group(2).trim();
      if (!names.add(m.group(1)) || regex.replace("(?", "").contains("(")
          || regex.equals("[^/]+") || regex.equals("[^/]+?") || m.group(2) != null && regex.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String quote(String literal) {
    return literal.isEmpty() ? "" : Pattern.quote(literal);
  }
}
