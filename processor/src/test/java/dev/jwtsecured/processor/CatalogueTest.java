package dev.jwtsecured.processor;

import dev.jwtsecured.processor.validation.Message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue stays whole: every {@link Message} has a unique tag, is asserted by a compile test (an
 * {@code hadErrorContaining}, {@code hadWarningContaining} or similar on its tag, in code: a mention in a comment or a
 * string does not count), and is listed in the README's Diagnostics section.
 */
class CatalogueTest {

  @Test
  void tagsAreUnique() {
    Set<String> tags = new HashSet<>();
    for (Message m : Message.values()) {
      assertEquals(true, tags.add(m.tag()), "duplicate tag " + m.tag());
    }
  }

  @Test
  void everyMessageHasACompileTest() throws IOException {
    String tests;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      List<Path> sources = files.filter(f -> f.toString().endsWith("Test.java"))
          .filter(f -> !f.getFileName().toString().equals("CatalogueTest.java"))
          .collect(Collectors.toList());
      StringBuilder all = new StringBuilder();
      for (Path p : sources) {
        all.append(withoutCommentsAndStrings(Files.readString(p, StandardCharsets.UTF_8)));
      }
      tests = all.toString();
    }
    List<String> untested = new ArrayList<>();
    for (Message m : Message.values()) {
      Pattern asserted = Pattern.compile("had(Error|Warning)Containing\\(\\s*(\"\"\\s*\\+\\s*)?(tagged\\(Message\\."
          + m.name() + "\\)|Message\\." + m.name() + "\\.tag\\(\\))|expect\\(\\s*Message\\." + m.name() + "\\b"
          + "|had(Warning|Error)\\(\\s*\\w+\\s*,\\s*Message\\." + m.name() + "\\b");
      if (!asserted.matcher(tests).find()) {
        untested.add(m.name());
      }
    }
    assertEquals(List.of(), untested);
  }

  /** Text blocks, string and character literals, block and line comments: whichever starts first wins. */
  private static final Pattern LITERALS_AND_COMMENTS = Pattern.compile("(?s)\"\"\".*?\"\"\""
      + "|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'|/\\*.*?\\*/|//[^\\n]*");

  /**
   * Java source without its comments and with every string literal emptied, read in one pass from the left, so that a
   * string holding {@code /*} or {@code //} is a string and a comment holding a quote is a comment.
   */
  static String withoutCommentsAndStrings(String source) {
    return LITERALS_AND_COMMENTS.matcher(source).replaceAll(
        token -> token.group().startsWith("\"") ? "\"\"" : token.group().startsWith("'") ? "''" : " ");
  }

  @Test
  void everyTagIsInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (Message m : Message.values()) {
      if (!readme.contains("`[" + m.tag() + "]`")) {
        missing.add(m.tag());
      }
    }
    assertEquals(List.of(), missing);
  }
}
