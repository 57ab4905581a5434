package dev.jwtsecured.processor.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The resource classes each configuration checked so far binds rules to, across the compilation. JAX-RS runs the filter
 * of every configuration whose dynamic feature has a rule for a resource method, so a class two configurations reach
 * (one's root resource behind the other's locator, a class the locators of both return, a class implementing the type
 * one's locator declares) would need a valid token of each, which no caller has. {@link ConfigScopes#overlaps} finds
 * the root resources two configurations share by their packages and lists; this finds the rest, which only their
 * scans show.
 */
public final class ResourceOwners {
  /**
   * A class a configuration binds rules to ({@code anyImplementation}: and every class extending or implementing it),
   * how it reaches it, and the locator that does ({@code null} for a root resource).
   */
  private record Claim(String config, TypeElement type, boolean anyImplementation, String how, Element locator) {}

  private final Elements elements;
  private final Types types;
  private final List<Claim> claims = new ArrayList<>();

  public ResourceOwners(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * An error for each class of {@code scan} that a configuration checked before also binds rules to: on the locator of
   * {@code config} that reaches it, else on the other configuration's, else on {@code config}. Claims the others.
   */
  public List<Diagnostic> claim(TypeElement config, RouteScanner.Scan scan) {
    List<Claim> own = claims(config.getQualifiedName().toString(), scan);
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (Claim mine : own) {
      for (Claim other : claims) {
        if (!other.config().equals(mine.config()) && overlap(mine, other)) {
          TypeElement resource = mine.anyImplementation() ? other.type() : mine.type();
          if (reported.add(resource.getQualifiedName() + " " + other.config() + " " + mine.how())) {
            Element at = mine.locator() != null ? mine.locator() : other.locator() != null ? other.locator() : config;
            problems.add(Diagnostic.at(Message.RESOURCE_IN_TWO_CONFIGURATIONS.format(resource.getQualifiedName(),
                describe(other, resource), describe(mine, resource)), at));
          }
        }
      }
    }
    claims.addAll(own);
    return problems;
  }

  /** Each class the routes of {@code scan} bind to, once, with the innermost locator that reaches it. */
  private List<Claim> claims(String config, RouteScanner.Scan scan) {
    // Each route's innermost locator: of those reaching it, the one with the longest template, found in one pass.
    Map<RouteScanner.ScannedRoute, RouteScanner.ScannedLocator> innermost = new IdentityHashMap<>();
    List<RouteScanner.ScannedLocator> outwardIn = new ArrayList<>(scan.locators());
    outwardIn.sort(Comparator.comparingInt(l -> l.path().length()));
    for (RouteScanner.ScannedLocator l : outwardIn) {
      l.reached().forEach(r -> innermost.put(r, l));
    }
    Map<String, Claim> found = new LinkedHashMap<>();
    for (RouteScanner.ScannedRoute r : scan.routes()) {
      TypeElement type = elements.getTypeElement(r.resourceClass().canonicalName());
      if (type == null) {
        continue;
      }
      RouteScanner.ScannedLocator locator = innermost.get(r);
      String how = locator == null ? "as a root resource" : "behind the locator at " + locator.path();
      found.putIfAbsent(type.getQualifiedName() + " " + r.anyImplementation(), new Claim(config, type,
          r.anyImplementation(), how, locator == null ? null : locator.method()));
      if (locator == null) {
        for (var pathType : scan.pathTypes().getOrDefault(r.resourceClass(), List.of())) {
          TypeElement declared = elements.getTypeElement(pathType.canonicalName());
          if (declared != null) {
            found.putIfAbsent(declared.getQualifiedName() + " true", new Claim(config, declared, true,
                "as a root resource under the @Path of " + declared.getQualifiedName(), null));
          }
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /** Whether a class (or every implementation of a type) that one claims, the other claims too. */
  private boolean overlap(Claim a, Claim b) {
    return a.type().equals(b.type())
        || a.anyImplementation() && isSubtype(b.type(), a.type())
        || b.anyImplementation() && isSubtype(a.type(), b.type());
  }

  private boolean isSubtype(TypeElement sub, TypeElement supertype) {
    return types.isSubtype(types.erasure(sub.asType()), types.erasure(supertype.asType()));
  }

  /** "app.a.Config (behind the locator at /shop/items, which declares app.b.Listing)". */
  private static String describe(Claim claim, TypeElement resource) {
    boolean declares = claim.locator() != null && !claim.type().equals(resource);
    return claim.config() + " (" + claim.how() + (declares ? ", which declares " + claim.type().getQualifiedName()
        : "") + ")";
  }
}
