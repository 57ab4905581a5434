package dev.jwtsecured;

/** The {@code SameSite} attribute of the token cookie written by login (RFC 6265bis). */
public enum SameSite {
  /** Sent only on requests that start on the site that set the cookie. */
  STRICT("Strict"),
  /**
   * The default: also sent on top-level {@code GET} navigations from other sites, never on their subrequests or
   * {@code POST}s.
   */
  LAX("Lax"),
  /** Requires {@link JwtSecured#cookieSecure()}: browsers drop {@code SameSite=None} cookies without {@code Secure}. */
  NONE("None");

  private final String attribute;

  SameSite(String attribute) {
    this.attribute = attribute;
  }

  /** The attribute value as written in {@code Set-Cookie}. */
  public String attribute() {
    return attribute;
  }
}
