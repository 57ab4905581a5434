package dev.jwtsecured.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtsecured.it.secured.ItApplication;
import dev.jwtsecured.it.secured.ItSecurityJwtFeature;
import dev.jwtsecured.testing.RawHttp;
import dev.jwtsecured.testing.ServerPerClass;
import dev.jwtsecured.testing.TestServer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mutation fuzzing through real HTTP, seeded so that a failure replays: byte flips, insertions, deletions,
 * truncations and segment shuffles of a valid token, and mutations of the whole header value. For every request: no
 * 500, no 2xx unless what reaches the server is the valid token itself, no exception text, and a protected resource
 * runs only for the valid token.
 */
class FuzzTest {
  static final long SEED = 20261128L;
  static final int TOKEN_CASES = 3000;
  static final int HEADER_CASES = 1500;
  static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/~ \t,;:\"'\\%{}[]\u00e9\u0000\u007f";

  @RegisterExtension
  static final ServerPerClass SERVER = new ServerPerClass(() -> TestServer.start(
      new ItApplication(s -> s.secret(ItSecurityTest.SECRET)).feature(), ItSecurityJwtFeature.classes(),
      ItApplication.resources()));

  static String mutate(String s, Random random) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = b.length() == 0 ? 0 : random.nextInt(b.length());
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      switch (random.nextInt(6)) {
        case 0 -> { if (b.length() > 0) b.setCharAt(at, c); }
        case 1 -> b.insert(at, c);
        case 2 -> { if (b.length() > 0) b.deleteCharAt(at); }
        case 3 -> b.setLength(at);
        case 4 -> {
          String[] parts = b.toString().split("\\.", -1);
          if (parts.length == 3) {
            int x = random.nextInt(3);
            int y = random.nextInt(3);
            String t = parts[x];
            parts[x] = parts[y];
            parts[y] = t;
            b = new StringBuilder(String.join(".", parts));
          }
        }
        default -> { if (b.length() > 0) b.setCharAt(at, Character.toUpperCase(b.charAt(at)) == b.charAt(at)
            ? Character.toLowerCase(b.charAt(at)) : Character.toUpperCase(b.charAt(at))); }
      }
    }
    return b.toString();
  }

  /** Header values may not hold CR, LF or NUL on the wire; those are replaced so the request stays parseable. */
  static String wireSafe(String s) {
    return s.replace('\r', ' ').replace('\n', ' ').replace('\u0000', ' ');
  }

  @Test
  void mutatedTokensAndHeadersNeverGetIn(TestServer server) {
    Random random = new Random(SEED);
    ItApplication.reset();
    ItApplication.know("alice");
    String token = ItSecurityTest.valid("alice");
    int accepted = 0;
    int runsExpected = 0;
    for (int i = 0; i < TOKEN_CASES + HEADER_CASES; i++) {
      String header;
      boolean unchanged;
      if (i < TOKEN_CASES) {
        String mutated = wireSafe(mutate(token, random));
        header = "Bearer " + mutated;
        unchanged = mutated.equals(token);
      } else {
        header = wireSafe(mutate("Bearer " + token, random)).trim();
        unchanged = Pattern.compile("(?i)bearer[ \\t]+" + Pattern.quote(token)).matcher(header).matches();
      }
      RawHttp.Response r = server.http.send("GET", "/admin", "Authorization: " + header);
      String context = "case " + i + " (seed " + SEED + "): Authorization: " + header + " -> " + r.status;
      assertTrue(r.status != 500, context);
      if (r.status >= 200 && r.status < 300) {
        assertTrue(unchanged, context + " was accepted");
        accepted++;
        runsExpected++;
      }
      AttackCorpusTest.assertNoExceptionText(context, r);
      assertEquals(runsExpected, ItApplication.protectedRuns(), context);
    }
    assertTrue(accepted < TOKEN_CASES / 10, "suspiciously many accepted: " + accepted);
  }
}
