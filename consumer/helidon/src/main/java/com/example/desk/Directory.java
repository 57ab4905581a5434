package com.example.desk;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The helpdesk's staff directory, a CDI bean as a repository would be: who exists, their password, their roles. */
@ApplicationScoped
public class Directory {
  private static final Map<String, Set<String>> ROLES =
      Map.of("ada", Set.of("agent"), "grace", Set.of("agent", "admin"));

  /** The roles of {@code username} when {@code password} is theirs. */
  public Optional<Set<String>> check(String username, String password) {
    boolean ok = ROLES.containsKey(username)
        && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
            "lovelace".getBytes(StandardCharsets.UTF_8));
    return ok ? Optional.of(ROLES.get(username)) : Optional.empty();
  }

  /** Whether {@code username} is on the staff. */
  public boolean exists(String username) {
    return ROLES.containsKey(username);
  }
}
