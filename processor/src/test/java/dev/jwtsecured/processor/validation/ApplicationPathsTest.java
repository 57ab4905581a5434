package dev.jwtsecured.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An {@code @ApplicationPath} as requests spell it, which the generated settings give the runtime: JAX-RS
 * percent-encodes what leaves RFC 3986's path characters and keeps what is encoded already.
 */
class ApplicationPathsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api|/api",
      "/api/v1|/api/v1",
      "/carte des caf\u00e9s|/carte%20des%20caf%C3%A9s",
      "/caf%C3%A9|/caf%C3%A9",
      "/100%|/100%25",
      "/a%2|/a%252",
      "/a\"b\\c|/a%22b%5Cc",
      "/a;b,c|/a%3Bb%2Cc",
      "/q?x#y|/q%3Fx%23y",
      "/~a-b._c!$&'()*+=:@|/~a-b._c!$&'()*+=:@",
      "/{tenant}|/{tenant}",
      "/\ud83d\ude00|/%F0%9F%98%80"})
  void encodesWhatJaxRsEncodes(String path, String requested) {
    assertEquals(requested, ApplicationPaths.asRequested(path));
  }
}
