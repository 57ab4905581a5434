package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a programmatic login writes into its token. */
class LoginTest {
  static final JwtAuth AUTH =
      new JwtAuth(JwtSettings.builder().secret(JwtSettingsTest.SECRET).build(), LoginTest.class);

  /**
   * The {@code scope} claim is space-separated: a scope with a space would come back from the token as two (a scope
   * the application checked, {@code "orders:read admin"}, would grant {@code admin}), so no token is signed with it.
   */
  @Test
  void scopesAreScopeTokens() {
    for (String bad : List.of("orders:read admin", "", "say\"what\"", "back\\slash")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> AUTH.login("alice").scopes(List.of("orders:read", bad)).token(), bad);
      assertEquals(true, e.getMessage().startsWith("jwtsecured: scopes must be "), e.getMessage());
    }
    Login refused = AUTH.login("alice").scopes(List.of("orders:read admin"));
    assertThrows(IllegalArgumentException.class, refused::token);
    assertThrows(IllegalArgumentException.class, refused::jwt, "nothing half issued after a refusal");
    Token token = AUTH.login("alice").scopes(List.of("orders:read", "https://api.example/write")).token();
    assertEquals(Set.of("orders:read", "https://api.example/write"), token.scopes());
    // A token built by hand is checked when it is signed.
    Token handMade = Token.builder().subject("alice").issuedAt(token.issuedAt()).expiresAt(token.expiresAt())
        .scopes(Set.of("orders:read admin")).build();
    assertThrows(IllegalArgumentException.class, () -> AUTH.issue(handMade));
  }

  /**
   * A {@code null} role, scope or extra's name is refused where the grant or token is made, with what it is: signing
   * it failed later, inside the codec, with a bare {@code NullPointerException} (a 500 at the token endpoint whose
   * log named no role).
   */
  @Test
  void nullRolesScopesAndExtraNamesAreRefusedWhereTheyAreGiven() {
    List<String> withNull = new ArrayList<>(List.of("admin"));
    withNull.add(null);
    Map<String, Object> namedNull = new HashMap<>();
    namedNull.put(null, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Grant.of("alice").withRoles(withNull));
    assertEquals("a grant's roles must not contain null", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Grant.of("alice").withScopes(withNull));
    assertEquals("a grant's scopes must not contain null", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Grant.of("alice").withExtras(namedNull));
    assertEquals("a grant's extras must not contain null names", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AUTH.login("alice").roles(withNull).token());
    assertEquals("roles must not contain null", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AUTH.login("alice").scopes(withNull).token());
    assertEquals("scopes must not contain null", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AUTH.login("alice").extras(namedNull).token());
    assertEquals("extras must not contain null names", e.getMessage());
    assertEquals(Set.of("admin"), AUTH.login("alice").roles(List.of("admin")).token().roles());
  }
}
