package dev.jwtsecured.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The keys of client addresses: each form of one address or IPv6 network gives one key; anything else stays as is. */
class ThrottleKeysTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2001:db8:1:2::1                 | 2001:db8:1:2::/64",
      "2001:0DB8:0001:0002:ffff::      | 2001:db8:1:2::/64",
      "[2001:db8:1:2:3:4:5:6]          | 2001:db8:1:2::/64",
      "[2001:db8:1:2:3:4:5:6]:443      | 2001:db8:1:2::/64",
      "fe80::1%eth0                    | fe80:0:0:0::/64",
      "1:2:3:4:5:6:7:8                 | 1:2:3:4::/64",
      "1:2:3:4:5:6:1.2.3.4             | 1:2:3:4::/64",
      "::1                             | 0:0:0:0::/64",
      "::                              | 0:0:0:0::/64",
      "::ffff:203.0.113.7              | 203.0.113.7",
      "[::ffff:cb00:7107]:80           | 203.0.113.7",
      "203.0.113.7                     | 203.0.113.7",
      "203.0.113.7:51234               | 203.0.113.7",
  })
  void oneAddressOneKey(String address, String key) {
    assertEquals(key, ThrottleKeys.client(address));
  }

  /** Not an address: kept as it is, so that two such values never share a count unless they are equal. */
  @ParameterizedTest
  @ValueSource(strings = {"", ":", "[]", "[", "]", "::::", "1::2::3", "1:::2", "12345::1", "g::1", "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3.04", "::ffff:1.2.3", "::ffff:256.1.1.1", "1.2.3", "1.2.3:80", "unknown",
      "\"_hidden\"", "%", "[::1", "::1]", "\"", "1.2.3.4.5", "01.2.3.4"})
  void anythingElseStaysAsItIs(String value) {
    assertEquals(value, ThrottleKeys.client(value));
  }

  @Test
  void noAddressIsNone() {
    assertNull(ThrottleKeys.client(null));
  }
}
