package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtsecured.runtime.internal.AuthException;
import dev.jwtsecured.runtime.AuthFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6750 section 2.1 grammar, on header values as they reach the parser. (Jersey's JDK container turns a tab
 * after the scheme into a space before the filter sees it, so the tab case is pinned here rather than over HTTP.)
 */
class CredentialsTest {

  private static AuthFailure failure(String value) {
    return assertThrows(AuthException.class, () -> Credentials.parse(value)).failure();
  }

  @Test
  void bearerWithOneOrMoreSpaces() {
    assertEquals("abc.def.ghi", Credentials.parse("Bearer abc.def.ghi"));
    assertEquals("abc.def.ghi", Credentials.parse("bearer   abc.def.ghi"));
    assertEquals("a-b_c~d+e/f==", Credentials.parse("BEARER a-b_c~d+e/f=="));
  }

  @Test
  void otherSchemesAreNoCredentials() {
    assertNull(Credentials.parse("Basic YWxpY2U6d29uZGVybGFuZA=="));
    assertNull(Credentials.parse("Bearerx abc"));
    assertNull(Credentials.parse("abc.def.ghi"));
    assertNull(Credentials.fromHeader(null));
    assertNull(Credentials.fromHeader(List.of()));
  }

  @Test
  void emptyBearer() {
    assertEquals(AuthFailure.EMPTY_BEARER, failure("Bearer"));
    assertEquals(AuthFailure.EMPTY_BEARER, failure("Bearer   "));
  }

  @Test
  void malformedCredentials() {
    assertEquals(AuthFailure.MALFORMED_CREDENTIALS, failure("Bearer\tabc.def.ghi"));
    assertEquals(AuthFailure.MALFORMED_CREDENTIALS, failure("Bearer abc.def.ghi extra"));
    assertEquals(AuthFailure.MALFORMED_CREDENTIALS, failure("Bearer abc\"def"));
    assertEquals(AuthFailure.MALFORMED_CREDENTIALS, failure("Bearer ab=c"));
    assertEquals(AuthFailure.MALFORMED_CREDENTIALS, failure("Bearer =abc"));
  }

  /** Every character of b64token passes, each at an end of a range of them, and the characters beside them do not. */
  @Test
  void theB64TokenAlphabetExactly() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
    assertEquals(alphabet + "==", Credentials.parse("Bearer " + alphabet + "=="));
    for (char c : "AZaz09".toCharArray()) {
      assertEquals("x" + c, Credentials.parse("Bearer x" + c), String.valueOf(c));
    }
    for (char c : "@[`{:!*$%&'()<>?^|\\\u007f\u00e9".toCharArray()) {
      assertEquals(AuthFailure.MALFORMED_CREDENTIALS, failure("Bearer x" + c), String.valueOf(c));
    }
  }

  @Test
  void twoTokens() {
    assertEquals("a.b.c", Credentials.fromHeader(List.of("Bearer a.b.c")), "one header line");
    assertEquals(AuthFailure.MULTIPLE_TOKENS, failure(",Bearer a.b.c"));
    assertEquals(AuthFailure.MULTIPLE_TOKENS, failure("Bearer a.b.c, Bearer d.e.f"));
    assertEquals(AuthFailure.MULTIPLE_TOKENS,
        assertThrows(AuthException.class, () -> Credentials.fromHeader(List.of("Bearer a", "Bearer b"))).failure());
  }
}
