package dev.jwtsecured.sample.header;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The seed's {@code connection.cache}: users stored at login, keyed by id, in memory. */
public final class UserCache {
  private final ConcurrentMap<UUID, User> users = new ConcurrentHashMap<>();

  public void put(User user) {
    users.put(user.id(), user);
  }

  public Optional<User> get(UUID id) {
    return Optional.ofNullable(users.get(id));
  }

  /** The user whose id is {@code subject}; empty for an unknown id or a subject that is not a UUID. */
  public Optional<User> find(String subject) {
    try {
      return get(UUID.fromString(subject));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
