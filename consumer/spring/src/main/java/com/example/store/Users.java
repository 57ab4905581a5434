package com.example.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The store's users, a Spring service that the security configuration is given. */
@Service
public class Users {
  /** A user of the store. */
  public record User(String name, Set<String> roles) {}

  private final Map<String, User> users = Map.of(
      "ada", new User("ada", Set.of("customer")),
      "grace", new User("grace", Set.of("customer", "admin")));

  public Optional<User> find(String name) {
    return Optional.ofNullable(users.get(name));
  }

  /** The user, when the password is right (every demo user's is "lovelace"). */
  public Optional<User> check(String name, String password) {
    boolean right = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
        "lovelace".getBytes(StandardCharsets.UTF_8));
    return right ? find(name) : Optional.empty();
  }
}
