package dev.jwtsecured.processor.validation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** The values of one {@code @JwtSecured} annotation, with defaults, and the positions to report problems at. */
final class ConfigValues {
  private final TypeElement config;
  final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;

  ConfigValues(TypeElement config, AnnotationMirror mirror,
      Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults) {
    this.config = config;
    this.mirror = mirror;
    this.withDefaults = withDefaults;
  }

  /** The configuration class's simple name, as generated names start. */
  String configName() {
    return config.getSimpleName().toString();
  }

  AnnotationValue value(String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : withDefaults.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    throw new IllegalStateException("no member " + name);
  }

  /** The value written in the source, for a precise position; {@code null} when the default applies. */
  AnnotationValue explicit(String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  String string(String name) {
    Object v = value(name).getValue();
    return v instanceof String ? (String) v : String.valueOf(v);
  }

  boolean bool(String name) {
    return Boolean.TRUE.equals(value(name).getValue());
  }

  /** An enum-valued member as the enum constant (the processor may load the annotation module's types). */
  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return Enum.valueOf(type, enumConstant(name));
  }

  String enumConstant(String name) {
    Object v = value(name).getValue();
    return v instanceof VariableElement ? ((VariableElement) v).getSimpleName().toString() : String.valueOf(v);
  }

  List<String> strings(String name) {
    return elementsOf(name).stream().map(av -> String.valueOf(av.getValue())).collect(Collectors.toList());
  }

  private List<? extends AnnotationValue> elementsOf(String name) {
    Object v = value(name).getValue();
    if (v instanceof List) {
      @SuppressWarnings("unchecked") // an array-valued member's value is a List<AnnotationValue>
      List<? extends AnnotationValue> list = (List<? extends AnnotationValue>) v;
      return list;
    }
    return List.of(value(name));
  }

  /** {@code text} on member {@code name}: its value as written, or the annotation when the default applies. */
  Diagnostic at(String name, Message.Text text) {
    return Diagnostic.at(text, config, mirror, explicit(name));
  }

  /** {@code text} on element {@code index} of an array-valued member, when it was written in the source. */
  Diagnostic at(String name, int index, Message.Text text) {
    AnnotationValue array = explicit(name);
    AnnotationValue at = array;
    if (array != null && array.getValue() instanceof List) {
      List<?> list = (List<?>) array.getValue();
      if (index < list.size() && list.get(index) instanceof AnnotationValue) {
        at = (AnnotationValue) list.get(index);
      }
    }
    return Diagnostic.inArray(text, config, mirror, array, at);
  }
}
