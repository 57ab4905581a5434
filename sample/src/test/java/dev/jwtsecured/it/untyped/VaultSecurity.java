package dev.jwtsecured.it.untyped;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sub-resource locators declaring {@code Object}: the processor cannot know the classes behind them, but it knows
 * their own rules, and those of the locators before them. {@code UntypedLocatorTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class VaultSecurity {
  /** How often a locator of the vault ran. */
  public static final AtomicInteger RUNS = new AtomicInteger();

  /**
   * How often a locator declaring {@code Object} ran whose rule, or that of a locator before it, is admins-only or
   * {@code @DenyAll}: the guard checks those before it runs. (A locator declaring a class, such as {@code wing}, runs
   * for any valid token; the methods behind it check its rule.)
   */
  public static final AtomicInteger RULED = new AtomicInteger();

  private VaultSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** The vault's rooms, each behind a locator declaring {@code Object}. */
  @Path("/vault")
  public static final class Vault {
    /** Admins only. */
    @Path("admin")
    @RolesAllowed("admin")
    public Object admin() {
      RUNS.incrementAndGet();
      RULED.incrementAndGet();
      return new Drawer("admin");
    }

    /** No one. */
    @Path("sealed")
    @DenyAll
    public Object sealed() {
      RUNS.incrementAndGet();
      RULED.incrementAndGet();
      return new Drawer("sealed");
    }

    /** Anyone with a token. */
    @Path("shelf/{id}")
    public Object shelf(@PathParam("id") String id) {
      RUNS.incrementAndGet();
      return new Drawer(id);
    }

    /** Admins only, to a root resource that any token opens at its own path. */
    @Path("cabinet")
    @RolesAllowed("admin")
    public Object cabinet() {
      RUNS.incrementAndGet();
      RULED.incrementAndGet();
      return new Cabinet();
    }

    /** Admins only, declaring an interface: the class it returns has a method of its own. */
    @Path("shelves")
    @RolesAllowed("admin")
    @SuppressWarnings("JwtSecured.LocatorReturnsAbstractType")
    public Shelf shelves() {
      RUNS.incrementAndGet();
      return new WoodShelf();
    }

    /** Admins only, through a declared type whose own locator declares {@code Object}. */
    @Path("wing")
    @RolesAllowed("admin")
    public Wing wing() {
      RUNS.incrementAndGet();
      return new Wing();
    }
  }

  /** Admins only, by the class's rule, to a drawer behind a locator declaring {@code Object}. */
  @Path("/safe")
  @RolesAllowed("admin")
  public static final class Safe {
    @Path("{box}")
    public Object box(@PathParam("box") String box) {
      RUNS.incrementAndGet();
      RULED.incrementAndGet();
      return new Drawer(box);
    }
  }

  /** Rooms of a wing. */
  public static final class Wing {
    @Path("{room}")
    public Object room(@PathParam("room") String room) {
      RUNS.incrementAndGet();
      RULED.incrementAndGet();
      return new Drawer(room);
    }
  }

  /** What the shelves locator declares. */
  public interface Shelf {
    @GET
    String look();
  }

  /** A shelf with a resource method the interface does not declare. */
  public static final class WoodShelf implements Shelf {
    @Override
    public String look() {
      return "shelf";
    }

    @GET
    @Path("grain")
    public String grain() {
      return "oak";
    }
  }

  /** A class the processor sees behind no declared type. */
  public static final class Drawer {
    private final String name;

    Drawer(String name) {
      this.name = name;
    }

    @GET
    public String open() {
      return "drawer " + name;
    }
  }

  /** A root resource: any valid token. */
  @Path("/cabinet")
  public static final class Cabinet {
    @GET
    public String open() {
      return "cabinet";
    }
  }
}
