package dev.jwtsecured;

/** The {@code SameSite} attribute of the token cookie written by login (RFC 6265bis). */
public enum SameSite {
  STRICT("Strict"),
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
