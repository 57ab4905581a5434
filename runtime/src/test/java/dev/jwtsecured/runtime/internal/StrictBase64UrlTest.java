package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictBase64UrlTest {

  private static boolean ok(String s) {
    return StrictBase64Url.isCanonical(s, 0, s.length());
  }

  @Test
  void everyEncoderOutputIsCanonical() {
    Random random = new Random(42);
    for (int length = 1; length < 80; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      assertTrue(ok(encoded), encoded);
    }
  }

  @Test
  void paddingAndForeignCharactersAreRefused() {
    assertFalse(ok("QQ=="));
    assertFalse(ok("QQ="));
    assertFalse(ok("a+bc"));
    assertFalse(ok("a/bc"));
    assertFalse(ok("ab c"));
    assertFalse(ok("abcé"));
    assertFalse(ok(""));
  }

  @Test
  void aLoneFinalCharacterIsRefused() {
    assertFalse(ok("abcde"));
  }

  @Test
  void nonCanonicalFinalCharactersAreRefused() {
    // "QQ" is the canonical encoding of "A"; "QR".."QZ" decode to the same byte with non-zero unused bits.
    assertTrue(ok("QQ"));
    assertFalse(ok("QR"));
    assertFalse(ok("QZ"));
    // three characters: two unused bits
    assertTrue(ok("QUE"));
    assertFalse(ok("QUF"));
  }
}
