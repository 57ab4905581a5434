package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client address a login is counted and reported under: the last entry of {@code clientAddressHeader} (the one the
 * application's own proxy appended), and of RFC 7239's {@code Forwarded} that entry's {@code for} parameter, without
 * the other parameters, which would make one client look like none once the entry grows long; an {@code unknown}
 * address, which some proxies write, is unknown, not one client that all such requests share (one of them could hold
 * all the others back).
 */
class ClientAddressTest {
  static String clientAddress(String header, String value) {
    JwtSettings settings = JwtSettings.builder().secret(JwtSettingsTest.SECRET).clientAddressHeader(header).build();
    return LoginAttempt.clientAddress(settings, name -> name.equals(header) ? value : null);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "X-Forwarded-For | 198.51.100.9, 203.0.113.7            | 203.0.113.7",
      "X-Forwarded-For | 203.0.113.7:51234                    | 203.0.113.7:51234",
      "Forwarded       | for=203.0.113.7                      | 203.0.113.7",
      "Forwarded       | for=198.51.100.9, FOR=203.0.113.7;proto=https;by=10.0.0.2;host=api.example.com.internal"
          + "        | 203.0.113.7",
      "Forwarded       | proto=https; for=\"[2001:db8:1:2::3]:4711\" | [2001:db8:1:2::3]:4711",
  })
  void theLastEntryAndOfForwardedItsForParameter(String header, String value, String address) {
    assertEquals(address, clientAddress(header, value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "X-Forwarded-For | ''",
      "X-Forwarded-For | '203.0.113.7,'",
      "X-Forwarded-For | '198.51.100.9, unknown'",
      "X-Real-IP       | UNKNOWN",
      "Forwarded       | proto=https;by=10.0.0.2",
      "Forwarded       | for=",
      "Forwarded       | for=\"\"",
      "Forwarded       | for=unknown",
      "Forwarded       | for=198.51.100.9, For=\"Unknown\"",
  })
  void noAddressIsUnknown(String header, String value) {
    assertNull(clientAddress(header, value));
  }
}
