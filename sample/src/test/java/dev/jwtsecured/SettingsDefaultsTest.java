package dev.jwtsecured;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtsecured.runtime.JwtSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code settings()} writes only what differs from the defaults of {@code JwtSettings.Builder}; that is
 * right only while those defaults are the annotation's. Read by reflection here, in a test, never at run time.
 */
class SettingsDefaultsTest {
  static Object annotationDefault(String member) throws Exception {
    return JwtSecured.class.getMethod(member).getDefaultValue();
  }

  static String text(String value) {
    return value == null ? "" : value;
  }

  @Test
  void theBuildersDefaultsAreTheAnnotations() throws Exception {
    JwtSettings s = JwtSettings.builder().secret("defaults-defaults-defaults-defaults!!").build();
    assertEquals(annotationDefault("algorithm"), s.algorithm().name());
    assertEquals(annotationDefault("transport"), s.transport());
    assertEquals(annotationDefault("authHeader"), s.authHeader());
    assertEquals(annotationDefault("realm"), s.realm());
    assertEquals(Duration.parse((String) annotationDefault("expiration")), s.expiration());
    assertEquals(Duration.parse((String) annotationDefault("leeway")), s.leeway());
    assertEquals(annotationDefault("issuer"), text(s.issuer()));
    assertEquals(List.of((String[]) annotationDefault("audience")), s.audience());
    assertEquals(annotationDefault("tokenUrl"), text(s.tokenUrl()));
    assertEquals(Arrays.asList((String[]) annotationDefault("scopes")), s.scopes());
    assertEquals(annotationDefault("cookieName"), s.cookieName());
    assertEquals(annotationDefault("cookiePath"), s.cookiePath());
    assertEquals(annotationDefault("cookieDomain"), text(s.cookieDomain()));
    assertEquals(annotationDefault("cookieSecure"), s.cookieSecure());
    assertEquals(annotationDefault("cookieSameSite"), s.cookieSameSite());
    assertEquals(annotationDefault("cacheSize"), s.cacheSize());
    assertEquals(annotationDefault("maxTokenLength"), s.maxTokenLength());
    assertEquals(annotationDefault("unseenMethods"), s.unseenMethods());
    assertEquals(annotationDefault("maxTokenRequestBytes"), s.maxTokenRequestBytes());
    assertEquals(annotationDefault("clientAddressHeader"), text(s.clientAddressHeader()));
    assertEquals(annotationDefault("jwksUri"), s.jwksUri().map(Object::toString).orElse(""));
    assertEquals("", annotationDefault("publicKey"));
    assertEquals(false, s.publicKey().isPresent());
    assertEquals("", annotationDefault("privateKey"));
    assertEquals(false, s.privateKey().isPresent());
    assertEquals(java.util.Set.of((String[]) annotationDefault("keyAlgorithms")), s.keyAlgorithms());
    assertEquals(Duration.parse((String) annotationDefault("jwksMinRefresh")), s.jwksMinRefresh());
    assertEquals(annotationDefault("rolesClaim"), s.rolesClaim());
    assertEquals(java.util.Set.of((String[]) annotationDefault("acceptedIssuers")), s.acceptedIssuers());
    assertEquals("", annotationDefault("refreshExpiration"));
    assertEquals(false, s.refreshExpiration().isPresent());
  }
}
