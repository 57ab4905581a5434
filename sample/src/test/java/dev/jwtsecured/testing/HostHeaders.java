package dev.jwtsecured.testing;

import java.net.URI;
import java.net.URISyntaxException;

/** The {@code Host} headers the suite's Grizzly and CXF servers refuse with 400, as RFC 9112 section 3.2 asks. */
final class HostHeaders {
  private HostHeaders() {}

  /** Whether {@code host} is a URI authority naming a host ({@code x:|}, {@code [::1}, {@code x:80:80} are not). */
  static boolean isAuthority(String host) {
    try {
      return host != null && new URI("http://" + host + "/").getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
