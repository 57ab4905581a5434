package dev.jwtsecured.sample.oauth2;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Token ids ({@code jti}) revoked by {@code POST /logout}. In memory: a real application would share and expire them. */
public final class RevokedTokens {
  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  public void revoke(String id) {
    ids.add(id);
  }

  public boolean isRevoked(String id) {
    return ids.contains(id);
  }
}
