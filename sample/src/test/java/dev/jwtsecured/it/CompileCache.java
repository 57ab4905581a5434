package dev.jwtsecured.it;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compilations of random applications kept from one run of the behaviour suite to the next (a build runs it on six
 * runtimes, one after another): the same sources compiled with the same options by the same JDK and processor against
 * the same APIs give the same classes, generated sources and diagnostics, so a later run copies them from here instead
 * of compiling again. Compiling was half the time of the tests that compile.
 *
 * <p>The key holds the sources (names and text), javac's options but the folders, the JDK's version, and what a
 * compilation of these sources can read on the class path: every folder (the sample's own classes, with the markers the
 * processor reads) and the jars of the project, of the Jakarta REST and Jakarta Annotations APIs and of JavaPoet, by
 * name, size and time. The runtimes' jars, which differ from run to run, are left out: these sources name no type of
 * theirs, and the processor looks for none. So the runs on Jakarta REST 3.1 compile again once, against its API.
 * Kept in {@code target/random-compiles}, which a clean build removes; {@code -Djwtsecured.compileCache=false}
 * compiles every time.
 */
final class CompileCache {
  private static final Path ROOT = Path.of("target", "random-compiles");
  private static final boolean ON = !"false".equals(System.getProperty("jwtsecured.compileCache"));
  /** Jars a compilation of the random sources reads: what they import, and what the processor runs on. */
  private static final Pattern READ = Pattern.compile(
      "(jwtsecured-|jakarta\\.ws\\.rs-api-|jakarta\\.annotation-api-|javapoet-).*\\.jar");
  /** {@link #classPathPrint}'s answers, by class path. */
  private static final Map<String, String> CLASS_PATH_PRINTS = new HashMap<>();

  private CompileCache() {}

  /** The key of compiling {@code sources} with {@code options} on {@code classPath}; empty when the cache is off. */
  static Optional<String> key(List<File> sources, List<String> options, String classPath) throws IOException {
    if (!ON) {
      return Optional.empty();
    }
    MessageDigest sha = sha256();
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      if (option.equals("-d") || option.equals("-s") || option.equals("-cp") || option.equals("-processorpath")) {
        i++; // a folder of this compilation, or the class path, whose print follows
        continue;
      }
      update(sha, option);
    }
    update(sha, System.getProperty("java.version"));
    update(sha, classPathPrint(classPath));
    List<File> sorted = new ArrayList<>(sources);
    sorted.sort(Comparator.comparing(File::getName));
    for (File source : sorted) {
      update(sha, source.getName());
      update(sha, Files.readString(source.toPath()));
    }
    return Optional.of(HexFormat.of().formatHex(sha.digest()));
  }

  /** The diagnostics of the compilation {@code key}, its outputs copied to {@code classes} and {@code generated}. */
  static Optional<List<Diagnostic<? extends JavaFileObject>>> read(String key, Path classes, Path generated)
      throws IOException {
    Path entry = ROOT.resolve(key);
    if (!Files.isRegularFile(entry.resolve("diagnostics"))) {
      return Optional.empty();
    }
    copy(entry.resolve("classes"), classes);
    copy(entry.resolve("generated"), generated);
    List<Diagnostic<? extends JavaFileObject>> diagnostics = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(entry.resolve("diagnostics")))) {
      for (int n = in.readInt(); n > 0; n--) {
        diagnostics.add(new Kept(Diagnostic.Kind.valueOf(in.readUTF()), in.readUTF(), in.readLong(), in.readLong(),
            new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8)));
      }
    }
    return Optional.of(diagnostics);
  }

  /** Keeps the compilation {@code key}: its outputs and diagnostics, written aside and then moved in place. */
  static void write(String key, Path classes, Path generated, List<Diagnostic<? extends JavaFileObject>> diagnostics)
      throws IOException {
    Files.createDirectories(ROOT);
    Path aside = Files.createTempDirectory(ROOT, "writing-");
    copy(classes, aside.resolve("classes"));
    copy(generated, aside.resolve("generated"));
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(aside.resolve("diagnostics")))) {
      out.writeInt(diagnostics.size());
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        out.writeUTF(d.getKind().name());
        out.writeUTF(d.getSource() == null ? "" : new File(d.getSource().getName()).getName());
        out.writeLong(d.getLineNumber());
        out.writeLong(d.getColumnNumber());
        byte[] message = d.getMessage(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        out.writeInt(message.length);
        out.write(message);
      }
    }
    try {
      Files.move(aside, ROOT.resolve(key), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      delete(aside); // kept already, or not to be kept here
    } catch (IOException e) {
      delete(aside);
      if (!Files.isDirectory(ROOT.resolve(key))) {
        throw e;
      }
    }
  }

  /** The names, sizes and times of what a compilation reads on {@code classPath}, once per class path and JVM. */
  private static synchronized String classPathPrint(String classPath) throws IOException {
    String classPathPrint = CLASS_PATH_PRINTS.get(classPath);
    if (classPathPrint == null) {
      StringBuilder print = new StringBuilder();
      // Each once: a jar the class path names again (surefire's runs add some) is not read a second time.
      for (String element : new LinkedHashSet<>(Arrays.asList(classPath.split(File.pathSeparator)))) {
        if (element.isEmpty()) {
          continue;
        }
        Path path = Path.of(element);
        if (Files.isDirectory(path)) {
          try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
              print.append(file).append(' ').append(Files.size(file)).append(' ')
                  .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
          }
        } else if (Files.isRegularFile(path) && READ.matcher(path.getFileName().toString()).matches()) {
          print.append(path).append(' ').append(Files.size(path)).append(' ')
              .append(Files.getLastModifiedTime(path).toMillis()).append('\n');
        }
      }
      classPathPrint = print.toString();
      CLASS_PATH_PRINTS.put(classPath, classPathPrint);
    }
    return classPathPrint;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void update(MessageDigest sha, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A diagnostic read back: what the tests read of one (kind, message), and where it stood, for failure messages. */
  private record Kept(Kind kind, String file, long line, long column, String message)
      implements Diagnostic<JavaFileObject> {
    @Override
    public Kind getKind() {
      return kind;
    }

    @Override
    public JavaFileObject getSource() {
      return null;
    }

    @Override
    public long getPosition() {
      return NOPOS;
    }

    @Override
    public long getStartPosition() {
      return NOPOS;
    }

    @Override
    public long getEndPosition() {
      return NOPOS;
    }

    @Override
    public long getLineNumber() {
      return line;
    }

    @Override
    public long getColumnNumber() {
      return column;
    }

    @Override
    public String getCode() {
      return null;
    }

    @Override
    public String getMessage(Locale locale) {
      return message;
    }

    @Override
    public String toString() {
      String where = file.isEmpty() ? "" : file + ":" + (line == NOPOS ? "" : line + ":") + " ";
      return where + kind.toString().toLowerCase(Locale.ROOT) + ": " + message;
    }
  }
}
