package dev.jwtsecured.it.matching;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Token;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Public methods beside protected locators, where JAX-RS sorts the method first by a key after the literal characters
 * (JAX-RS 3.7.2): more parameters ({@code {aisle}-{bay}}... written without a literal, {@code {aisle}{bay}}), more
 * parameters with a regular expression ({@code {number: [0-9]+}}), a resource method before a locator at a template
 * alike ({@code {label}} beside {@code {name}}), and the class's own methods at its own path beside a locator that
 * matches nothing ({@code {rest: .*}}), literals with a space and with a character beyond ASCII beside a locator
 * ({@code a b}, {@code café}), and parameters' regular expressions that an escape does not match ({@code \p{L}+},
 * {@code [a-z ]+}); a locator at a template written escaped; and a public locator at {@code {name}} beside a protected
 * one at {@code //}, which RESTEasy may take first; and public methods of one media type beside a locator, which a
 * request of another does not reach. {@code MatchingOrderTest} starts it.
 */
@JwtSecured(secret = "${IT_SECRET}", applicationPath = "/")
public final class ShelvesSecurity {
  /** How often a locator ran. */
  public static final AtomicInteger RUNS = new AtomicInteger();

  private ShelvesSecurity() {}

  @UserRetriever
  static String user(Token token) {
    return token.subject();
  }

  /** Behind every locator: for anyone with a token. */
  public static final class Shelf {
    private final String name;

    Shelf(String name) {
      this.name = name;
    }

    @GET
    public String read() {
      return "shelf " + name;
    }
  }

  /** {@code /numbered/42}: a public method; {@code /numbered/a}: a shelf. */
  @Path("/numbered")
  public static final class Numbered {
    @GET
    @Path("{number: [0-9]+}")
    @PermitAll
    public String number(@PathParam("number") int number) {
      return "number " + number;
    }

    @Path("{name}")
    public Shelf shelf(@PathParam("name") String name) {
      RUNS.incrementAndGet();
      return new Shelf(name);
    }
  }

  /** {@code GET /labelled/x}: a public method; any other request method there: a shelf. */
  @Path("/labelled")
  public static final class Labelled {
    @GET
    @Path("{label}")
    @PermitAll
    public String label(@PathParam("label") String label) {
      return "label " + label;
    }

    @Path("{name}")
    public Shelf shelf(@PathParam("name") String name) {
      RUNS.incrementAndGet();
      return new Shelf(name);
    }
  }

  /** {@code /paired/xy}: a public method with two parameters. */
  @Path("/paired")
  public static final class Paired {
    @GET
    @Path("{aisle}{bay}")
    @PermitAll
    public String pair(@PathParam("aisle") String aisle, @PathParam("bay") String bay) {
      return "pair";
    }

    @Path("{name}")
    public Shelf shelf(@PathParam("name") String name) {
      RUNS.incrementAndGet();
      return new Shelf(name);
    }
  }

  /**
   * {@code GET} and {@code POST /typed/x}: public methods of {@code text/plain} alone; a request of another media type
   * gets 406 or 415 from every runtime, never the shelf (which takes any), so the guard leaves them to the methods.
   */
  @Path("/typed")
  public static final class Typed {
    @GET
    @Path("{label}")
    @PermitAll
    @Produces("text/plain")
    public String label(@PathParam("label") String label) {
      return "typed " + label;
    }

    @POST
    @Path("{label}")
    @PermitAll
    @Consumes("text/plain")
    @Produces("text/plain")
    public String post(@PathParam("label") String label, String body) {
      return "posted " + label;
    }

    @Path("{name}")
    public Shelf shelf(@PathParam("name") String name) {
      RUNS.incrementAndGet();
      return new Shelf(name);
    }
  }

  /** {@code GET /spaced/a b} and {@code /spaced/café}: public methods at literals; any other name: a shelf. */
  @Path("/spaced")
  public static final class Spaced {
    @GET
    @Path("a b")
    @PermitAll
    public String spaced() {
      return "spaced";
    }

    @GET
    @Path("caf\u00e9")
    @PermitAll
    public String cafe() {
      return "cafe";
    }

    @Path("{name}")
    public Shelf shelf(@PathParam("name") String name) {
      RUNS.incrementAndGet();
      return new Shelf(name);
    }
  }

  /** {@code GET /store}: a public method of the class; anything below: a shelf. */
  @Path("/store")
  public static final class Store {
    @GET
    @PermitAll
    public String index() {
      return "index";
    }

    @Path("{rest: .*}")
    public Shelf shelf(@PathParam("rest") String rest) {
      RUNS.incrementAndGet();
      return new Shelf(rest);
    }
  }

  /**
   * {@code GET /lettered/cafe}: a public method whose parameter's own regular expression takes letters; {@code
   * /lettered/caf%C3%A9}: a shelf, as every runtime matches the regular expression against the path as sent.
   */
  @Path("/lettered")
  public static final class Lettered {
    @GET
    @Path("{word: \\p{L}+}")
    @PermitAll
    public String word(@PathParam("word") String word) {
      return "word " + word;
    }

    @Path("{name}")
    public Shelf shelf(@PathParam("name") String name) {
      RUNS.incrementAndGet();
      return new Shelf(name);
    }
  }

  /** {@code GET /worded/ab}: a public method whose regular expression holds a space; {@code /worded/a%20b}: a shelf. */
  @Path("/worded")
  public static final class Worded {
    @GET
    @Path("{words: [a-z ]+}")
    @PermitAll
    public String words(@PathParam("words") String words) {
      return "words " + words;
    }

    @Path("{name}")
    public Shelf shelf(@PathParam("name") String name) {
      RUNS.incrementAndGet();
      return new Shelf(name);
    }
  }

  /** Behind {@link Slashed}'s public locator: for anyone. */
  public static final class Open {
    private final String name;

    Open(String name) {
      this.name = name;
    }

    @GET
    @PermitAll
    public String read() {
      return "open " + name;
    }
  }

  /** Behind {@link Slashed}'s locator at {@code //}: a shelf for each item, for anyone with a token. */
  public static final class Bin {
    @GET
    @Path("{item}")
    public String item(@PathParam("item") String item) {
      return "bin " + item;
    }
  }

  /**
   * {@code /slashed/x}: the public locator at {@code {name}} on Jersey and Apache CXF, which sort it before the locator
   * at {@code //} by its parameter; RESTEasy counts no parameters and takes either, by the order of the class's
   * methods: the one at {@code //} leads to a protected method at {@code {item}}.
   */
  @Path("/slashed")
  public static final class Slashed {
    @Path("{name}")
    public Open open(@PathParam("name") String name) {
      return new Open(name);
    }

    @Path("//")
    public Bin heap() {
      RUNS.incrementAndGet();
      return new Bin();
    }
  }

  /**
   * {@code /escaped/caf%C3%A9}: a shelf at a template written escaped, which Jersey also matches to {@code
   * caf%c3%a9}.
   */
  @Path("/escaped")
  public static final class Escaped {
    @Path("caf%C3%A9")
    public Shelf shelf() {
      RUNS.incrementAndGet();
      return new Shelf("escaped");
    }
  }
}
