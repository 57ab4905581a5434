package dev.jwtsecured.sample.header;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The seed's {@code connection.cache}: users stored at login, keyed by id, in memory. Anyone may log in any number of
 * users, so it is bounded: a user is held as long as the token its last login got can pass (the configuration's
 * expiration plus its leeway), and at most {@code capacity} users, the oldest login going first when full (its tokens
 * then get 401, as the seed's cache entries expire).
 */
public final class UserCache {
  private record Held(User user, Instant until) {}

  private final Clock clock;
  private final Duration lifetime;
  private final int capacity;
  /** Oldest login first; a new login of a user moves it to the end. */
  private final Map<UUID, Held> users = new LinkedHashMap<>();

  /** Users held for {@code lifetime} from their login by {@code clock}, at most {@code capacity} of them. */
  public UserCache(Clock clock, Duration lifetime, int capacity) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.capacity = capacity;
  }

  public synchronized void put(User user) {
    Instant now = clock.instant();
    users.remove(user.id());
    // Logins are in order and share one lifetime, so the expired ones are at the front.
    Iterator<Held> oldest = users.values().iterator();
    while (oldest.hasNext()) {
      Held held = oldest.next();
      if (users.size() < capacity && now.isBefore(held.until())) {
        break;
      }
      oldest.remove();
    }
    users.put(user.id(), new Held(user, now.plus(lifetime)));
  }

  public synchronized Optional<User> get(UUID id) {
    Held held = users.get(id);
    return held == null || !clock.instant().isBefore(held.until()) ? Optional.empty() : Optional.of(held.user());
  }

  /** The user whose id is {@code subject}; empty for an unknown id or a subject that is not a UUID. */
  public Optional<User> find(String subject) {
    try {
      return get(UUID.fromString(subject));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  /** How many users are held; for tests. */
  synchronized int size() {
    return users.size();
  }
}
