package dev.jwtsecured.processor.generation;

import dev.jwtsecured.runtime.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of {@link Map}s (in their iteration order), {@link List}s, strings, numbers and booleans as JSON or as
 * block YAML. The processor has no JSON library on its path; this is all the output needs. Strings are always escaped
 * (JSON) or double-quoted with the same escapes (YAML) by the runtime's {@link Json#quote}, whose class the processor's
 * jar carries shaded, so user-supplied paths and texts cannot break the document.
 */
public final class JsonTree {
  private JsonTree() {}

  public static String json(Object tree) {
    StringBuilder out = new StringBuilder();
    json(tree, out, "");
    return out.append('\n').toString();
  }

  /** JSON on one line, without insignificant white space: for the constant the generated resource serves. */
  static String compactJson(Object tree) {
    StringBuilder out = new StringBuilder();
    compact(tree, out);
    return out.toString();
  }

  private static void compact(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (i++ > 0) {
          out.append(',');
        }
        Json.quote(String.valueOf(e.getKey()), out);
        out.append(':');
        compact(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        compact(list.get(i), out);
      }
      out.append(']');
    } else {
      scalar(value, out);
    }
  }

  private static void json(Object value, StringBuilder out, String indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(indent).append("  ");
        Json.quote(String.valueOf(e.getKey()), out);
        out.append(": ");
        json(e.getValue(), out, indent + "  ");
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append(indent).append("  ");
        json(list.get(i), out, indent + "  ");
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      scalar(value, out);
    }
  }

  public static String yaml(Object tree) {
    StringBuilder out = new StringBuilder();
    if (tree instanceof Map<?, ?> map && !map.isEmpty()) {
      yamlMap(map, out, "");
    } else {
      scalar(tree, out);
      out.append('\n');
    }
    return out.toString();
  }

  /** Keys that read the same in YAML unquoted; anything else is quoted. */
  private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private static void yamlMap(Map<?, ?> map, StringBuilder out, String indent) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.append(indent);
      String key = String.valueOf(e.getKey());
      if (PLAIN_KEY.matcher(key).matches() && !List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n")
          .contains(key.toLowerCase(java.util.Locale.ROOT))) {
        out.append(key);
      } else {
        Json.quote(key, out);
      }
      out.append(':');
      yamlValue(e.getValue(), out, indent);
    }
  }

  private static void yamlValue(Object value, StringBuilder out, String indent) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append('\n');
      yamlMap(map, out, indent + "  ");
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      out.append('\n');
      for (Object item : list) {
        out.append(indent).append("  -");
        if (item instanceof Map<?, ?> m && !m.isEmpty()) {
          // The first member on the dash's line, the rest aligned under it.
          StringBuilder nested = new StringBuilder();
          yamlMap(m, nested, indent + "    ");
          out.append(' ').append(nested.substring(indent.length() + 4));
        } else {
          yamlValue(item, out, indent + "  ");
        }
      }
    } else {
      out.append(' ');
      if (value instanceof Map) {
        out.append("{}");
      } else if (value instanceof List) {
        out.append("[]");
      } else {
        scalar(value, out);
      }
      out.append('\n');
    }
  }

  private static void scalar(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else {
      Json.quote(String.valueOf(value), out);
    }
  }
}
