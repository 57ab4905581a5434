package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.JwtAuth;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The root operations of the configurations of one application, shared as their features are installed, so that a
 * configuration's locator guard leaves to the others' own rules the requests JAX-RS matches to their root resources
 * (their token endpoints among them) before its protected locator ({@link Templates#takenBefore}). The processor does
 * this where it compiles the configurations together with an {@code Application} class that places both; compiled
 * apart (one in a module the application depends on), or placed by nothing (two features handed to
 * {@code SeBootstrap}), the guard asked its own token there, where the other's callers have none: they could not log
 * in. Where a root class of the other has a template whose parameter may take several segments, which requests it
 * takes is not known, and the guard logs the processor's {@code [JwtSecured.GuardBeforeUnknownRoot]}. Seen in every
 * application the runtime shows a feature (not on Apache CXF, which shows it nothing of the others).
 */
public final class SharedRoots {
  /** Under this prefix and a configuration's name, what it shares. */
  private static final String PREFIX = "dev.jwtsecured.roots.";

  private static final System.Logger LOG = System.getLogger("dev.jwtsecured");

  private final Operation[] operations;
  private final Guard guard;

  private SharedRoots(Operation[] operations, Guard guard) {
    this.operations = operations.clone();
    this.guard = guard;
  }

  /**
   * Shares the root operations of {@code auth}'s configuration, and its locator guard's table ({@code null}: it has
   * none), with the configurations installed in the application of {@code context} before it: each guard learns the
   * other's operations that JAX-RS matches before its locators.
   */
  public static void share(FeatureContext context, JwtAuth auth, Operation[] operations, Guard guard) {
    SharedRoots ours = new SharedRoots(operations, guard);
    String name = auth.configuration().getName();
    Configuration application = context.getConfiguration();
    for (String property : application.getPropertyNames()) {
      if (property.startsWith(PREFIX) && !property.equals(PREFIX + name)
          && application.getProperty(property) instanceof SharedRoots theirs) {
        String other = property.substring(PREFIX.length());
        if (ours.guard != null) {
          ours.guard.leave(name, other, theirs.operations);
        }
        if (theirs.guard != null) {
          theirs.guard.leave(other, name, ours.operations);
        }
      }
    }
    context.property(PREFIX + name, ours);
  }

  /**
   * A root operation: a path, the template of its root resource class, and the request methods served there (none:
   * a sub-resource locator, which takes every method).
   */
  public static Operation operation(String path, String rootPath, String... methods) {
    return new Operation(path, rootPath, path, methods);
  }

  /**
   * A guarded locator: its path, the template of its root resource class as RESTEasy registers it, and the template at
   * which RESTEasy registers the outermost locator on the way to it ({@link Templates#registered}; its own where its
   * class declares it), by which RESTEasy sorts it among the root operations.
   */
  public static Operation locator(String path, String rootPath, String entry) {
    return new Operation(path, rootPath, entry, new String[0]);
  }

  /** A root operation of a configuration, as {@link #operation} gives it, or a guarded locator ({@link #locator}). */
  public static final class Operation {
    private final String path;
    private final String rootPath;
    private final String entry;
    private final String[] methods;

    private Operation(String path, String rootPath, String entry, String[] methods) {
      this.path = path;
      this.rootPath = rootPath;
      this.entry = entry;
      this.methods = methods.clone();
    }
  }

  /**
   * What a locator guard leaves to the root operations of other configurations: for each of its locators, the paths
   * beside it, its own (written by the processor) and those of the other configurations installed beside it.
   */
  public static final class Guard {
    private final Operation[] locators;
    private final boolean quiet;
    private volatile LocatorPaths.Beside[][] beside;

    /**
     * A guard's table: its locators ({@link #locator}), and for each, the paths beside it that the processor found
     * ({@code own}; {@code null} for none).
     */
    public Guard(Operation[] locators, LocatorPaths.Beside[][] own) {
      this(locators, own, false);
    }

    private Guard(Operation[] locators, LocatorPaths.Beside[][] own, boolean quiet) {
      this.locators = locators.clone();
      this.beside = own;
      this.quiet = quiet;
    }

    /**
     * This table, logging nothing of another configuration's root class that it cannot leave requests to: its
     * configuration suppresses {@code [JwtSecured.GuardBeforeUnknownRoot]}.
     *
     * @return a table that logs nothing
     */
    public Guard quiet() {
      return new Guard(locators, beside, true);
    }

    /** For each locator, the paths JAX-RS matches before it; {@code null} where nothing is. */
    public LocatorPaths.Beside[][] beside() {
      return beside;
    }

    /**
     * Adds, for each locator, those of {@code operations} (of configuration {@code theirs}) that JAX-RS matches before
     * it; logs a warning, unless quiet, where a root class of theirs whose template may take several segments may
     * take requests that reach a locator of {@code ours} first: the processor's
     * {@code [JwtSecured.GuardBeforeUnknownRoot]}, for configurations it did not compare.
     */
    synchronized void leave(String ours, String theirs, Operation[] operations) {
      LocatorPaths.Beside[][] now = beside;
      LocatorPaths.Beside[][] next = new LocatorPaths.Beside[locators.length][];
      boolean added = false;
      String unknown = null;
      Templates.Order order = new Templates.Order();
      for (int i = 0; i < locators.length; i++) {
        List<LocatorPaths.Beside> row = new ArrayList<>(now == null ? List.of() : Arrays.asList(now[i]));
        // What the processor already wrote beside the locator (it compiled both in one application) is not added
        // again: each entry costs a request that may reach the locator one more match.
        Set<String> known = new HashSet<>();
        row.forEach(b -> known.add(b.key()));
        BiPredicate<String, String> taken = order.takenBefore(locators[i].path, locators[i].rootPath,
            locators[i].entry);
        BiPredicate<String, String> unsure = unknown != null || quiet ? null
            : order.unknownBefore(locators[i].path, locators[i].rootPath);
        for (Operation o : operations) {
          if (taken.test(o.path, o.rootPath)) {
            LocatorPaths.Beside b = LocatorPaths.beside(Templates.beside(o.path, o.methods.length == 0), o.methods);
            if (known.add(b.key())) {
              row.add(b);
              added = true;
            }
          } else if (unsure != null && unknown == null && unsure.test(o.path, o.rootPath)) {
            unknown = "jwtsecured: the guard of the locator at \"" + locators[i].path + "\" of " + ours + " asks its"
                + " token of every request that may reach it, " + (o.methods.length == 0 ? "any request to"
                : String.join("/", o.methods)) + " " + o.path + " of " + theirs + " among them, which JAX-RS may"
                + " match first; its class's template \"" + o.rootPath + "\" has a parameter that may take several"
                + " segments, so which requests that class takes is not known, and the guard may refuse the other's"
                + " callers there. Give the parameter a pattern within one segment (such as {id} or {id: [0-9]+}), or"
                + " move one of the two resources to a path of its own; where this is meant, suppress"
                + " [JwtSecured.GuardBeforeUnknownRoot] on " + ours;
          }
        }
        next[i] = row.toArray(LocatorPaths.Beside[]::new);
      }
      if (added) {
        beside = next;
      }
      if (unknown != null) {
        LOG.log(System.Logger.Level.WARNING, unknown);
      }
    }
  }
}
