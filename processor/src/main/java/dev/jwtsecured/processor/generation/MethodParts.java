package dev.jwtsecured.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Splits generated lookups that grow with the application (a branch per resource method or class) over several
 * methods, each well within the JVM's limit of 65,535 bytes of bytecode per method: one method for an application of
 * about 1,700 resource methods hit it ("code too large" inside the generated file). Costs are estimates of the bytecode
 * a piece compiles to, above it by design (about twice what javac emits for usual resource methods); the budget is
 * under half the limit.
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
}
