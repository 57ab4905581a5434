package dev.jwtsecured.processor.model;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** JAX-RS path templates: their OpenAPI form and the regular expression a JAX-RS runtime matches them with. */
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
   * A test of whether a request for a template, its parameters each one segment {@code x}, could reach the locator at
   * {@code locator}: a path beside a locator that no such request reaches is left out (the guard then asks a token
   * where it might not need to, never the other way). A locator's regular expression that does not compile reaches
   * nothing here.
   */
  public static Predicate<String> reaching(String locator) {
    Pattern below;
    try {
      below = Pattern.compile(regex(locator) + "(?:/.*)?");
    } catch (PatternSyntaxException invalid) {
      return template -> false;
    }
    return template -> below.matcher(PARAM.matcher(template).replaceAll("x")).matches();
  }

  /**
   * The number of literal characters of {@code template}, its parameters left out: the first key by which JAX-RS
   * sorts the templates that match a request (JAX-RS 3.7.2), more first.
   */
  public static int literalCharacters(String template) {
    return PARAM.matcher(template).replaceAll("").length();
  }

  private static String quote(String literal) {
    return literal.isEmpty() ? "" : Pattern.quote(literal);
  }
}
