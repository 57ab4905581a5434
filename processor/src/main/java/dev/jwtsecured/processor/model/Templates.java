package dev.jwtsecured.processor.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
