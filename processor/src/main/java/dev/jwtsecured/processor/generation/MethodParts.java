package dev.jwtsecured.processor.generation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Splits generated lookups and tables that grow with the application (a branch per resource method or class, an entry
 * per guarded path) over several methods, each well within the JVM's limit of 65,535 bytes of bytecode per method: one
 * method for an application of about 1,700 resource methods hit it ("code too large" inside the generated file). Costs
 * are estimates of the bytecode a piece compiles to, above it by design (about twice what javac emits for usual
 * resource methods); the budget is under half the limit.
 */
final class MethodParts {
  /** The most estimated bytecode one generated method holds. */
  static final int BUDGET = 24_000;
  static final ClassName METHOD = ClassName.get("java.lang.reflect", "Method");
  static final ParameterizedTypeName ANY_CLASS =
      ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
  /** What a generated method that is split over several says, where it is. */
  static final String SPLIT = "One method would pass the JVM's limit on a method's size: its parts, in order.";

  private MethodParts() {}

  /**
   * An estimate of the bytecode of a call naming {@code strings} constants (a method name, parameter type names,
   * roles): the call, and per string the array store of a constant.
   */
  static int call(int strings) {
    return 16 + 8 * strings;
  }

  /**
   * {@code items} in order, cut where the next item would take the part over {@link #BUDGET}; one part (or none) when
   * all fit. An item never exceeds the budget alone.
   */
  static <T> List<List<T>> split(List<T> items, ToIntFunction<T> cost) {
    List<List<T>> parts = new ArrayList<>();
    List<T> part = new ArrayList<>();
    int total = 0;
    for (T item : items) {
      int c = cost.applyAsInt(item);
      if (!part.isEmpty() && total + c > BUDGET) {
        parts.add(part);
        part = new ArrayList<>();
        total = 0;
      }
      part.add(item);
      total += c;
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }

  /**
   * A static method of the generated class that looks up {@code resourceClass}, and {@code method} when
   * {@code withMethod}.
   */
  static MethodSpec.Builder lookup(String name, TypeName returns, boolean withMethod) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC)
        .returns(returns)
        .addParameter(ANY_CLASS, "resourceClass");
    return withMethod ? method.addParameter(METHOD, "method") : method;
  }

  /**
   * {@code parts} as the one method {@code name} where there is one part; else private methods {@code name1},
   * {@code name2}, ... and {@code name}, which asks them in order whether any holds.
   */
  static List<MethodSpec> anyOf(String name, String javadoc, boolean withMethod, List<CodeBlock> parts) {
    if (parts.size() == 1) {
      return List.of(lookup(name, TypeName.BOOLEAN, withMethod).addJavadoc(javadoc).addCode(parts.get(0)).build());
    }
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(lookup(name, TypeName.BOOLEAN, withMethod)
        .addJavadoc(javadoc)
        .addComment(SPLIT)
        .addStatement("return $L", IntStream.rangeClosed(1, parts.size())
            .mapToObj(n -> CodeBlock.of("$L$L($L)", name, n, withMethod ? "resourceClass, method" : "resourceClass"))
            .collect(CodeBlock.joining("\n|| ")))
        .build());
    for (int n = 1; n <= parts.size(); n++) {
      methods.add(lookup(name + n, TypeName.BOOLEAN, withMethod).addModifiers(Modifier.PRIVATE)
          .addJavadoc("Part $L of {@link #$L}.\n", n, name).addCode(parts.get(n - 1)).build());
    }
    return methods;
  }

  /**
   * A static array of a generated class (the locator guard's {@code LOCATORS} and {@code RULES}): its {@code entries}
   * of {@code type}, each with an estimate of its bytecode ({@code costs}). Locators that lead to one another give
   * thousands of entries, more than the class's static initializer may hold: those are split over methods.
   */
  record Table(String name, ClassName type, List<CodeBlock> entries, List<Integer> costs) {
    /** The parts of the entries, each within {@link #BUDGET}. */
    List<List<CodeBlock>> parts() {
      List<Integer> indexes = IntStream.range(0, entries.size()).boxed().toList();
      return split(indexes, costs::get).stream()
          .map(part -> part.stream().map(entries::get).toList()).toList();
    }

    /** The field's initializer: the entries themselves where they fit one method, else a call of {@code name()}. */
    CodeBlock initializer() {
      return parts().size() <= 1 ? CodeBlock.of("{$>\n$L$<\n}", CodeBlock.join(entries, ",\n"))
          : CodeBlock.of("$L()", name);
    }

    /**
     * Where the initializer calls {@code name()}: that method, which joins what {@code name1()}, {@code name2()}, ...
     * return, the parts in order; none where the entries fit one method.
     */
    List<MethodSpec> methods() {
      List<List<CodeBlock>> parts = parts();
      if (parts.size() <= 1) {
        return List.of();
      }
      ArrayTypeName array = ArrayTypeName.of(type);
      List<MethodSpec> methods = new ArrayList<>();
      methods.add(MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(array)
          .addComment(SPLIT)
          .addStatement("return $T.of($L).flatMap($T::stream).toArray($T[]::new)", Stream.class,
              IntStream.rangeClosed(1, parts.size()).mapToObj(n -> CodeBlock.of("$L$L()", name, n))
                  .collect(CodeBlock.joining(", ")), Arrays.class, type)
          .build());
      for (int n = 1; n <= parts.size(); n++) {
        methods.add(MethodSpec.methodBuilder(name + n)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(array)
            .addJavadoc("Part $L of {@link #$L}.\n", n, name)
            .addStatement("return new $T {$>\n$L$<\n}", array, CodeBlock.join(parts.get(n - 1), ",\n"))
            .build());
      }
      return methods;
    }
  }
}
