package dev.jwtsecured.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded cache from the exact text of a token to the {@link Token} that full verification produced, so that a
 * client reusing its token does not pay for base64, JSON and HMAC again. Only verified tokens are put in; a tampered
 * variant is another string and misses.
 *
 * <p>A token enters the cache on its second verification, not its first: a small "doorkeeper" table remembers the hash
 * of tokens verified once (a primitive array, nothing retained). Clients reuse tokens, so a real token is cached from
 * its second request on; tokens used once (a flood of distinct valid tokens, or a scan) never evict the tokens in use,
 * and cost no more than verification without a cache. A hash collision in the doorkeeper only admits a verified token
 * one use early.
 *
 * <p>Entries are spread over independently locked segments (no global lock on the lookup path), each a small
 * least-recently-used map; the segments' capacities add up to exactly the configured bound, so memory stays flat under
 * a flood of distinct valid tokens. A cache belongs to one {@link TokenCodec}, that is to one secret: a new secret
 * means a new codec and an empty cache.
 */
final class TokenCache {
  private static final int SEGMENTS = 32;

  private final Segment[] segments;
  /** Hashes of tokens verified once; benign races (int stores are atomic, a lost store only delays admission). */
  private final int[] doorkeeper;

  TokenCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    int count = Math.min(SEGMENTS, Integer.highestOneBit(capacity));
    segments = new Segment[count];
    for (int i = 0; i < count; i++) {
      // Spread the remainder so that the capacities add up to exactly `capacity`.
      segments[i] = new Segment(capacity / count + (i < capacity % count ? 1 : 0));
    }
    doorkeeper = new int[(int) Math.min(1 << 20, Long.highestOneBit(capacity * 4L - 1))];
  }

  /**
   * Whether a token that just passed full verification should be cached: true on its second verification (as far as
   * the doorkeeper remembers), false on its first, which it records.
   */
  boolean admit(String jwt) {
    int h = jwt.hashCode();
    int slot = (h ^ (h >>> 16)) & (doorkeeper.length - 1);
    if (doorkeeper[slot] == h) {
      return true;
    }
    doorkeeper[slot] = h;
    return false;
  }

  Token get(String jwt) {
    Segment s = segmentFor(jwt);
    synchronized (s) {
      return s.get(jwt);
    }
  }

  void put(String jwt, Token token) {
    Segment s = segmentFor(jwt);
    synchronized (s) {
      s.put(jwt, token);
    }
  }

  void remove(String jwt) {
    Segment s = segmentFor(jwt);
    synchronized (s) {
      s.remove(jwt);
    }
  }

  /** The number of entries; for tests and monitoring. */
  int size() {
    int size = 0;
    for (Segment s : segments) {
      synchronized (s) {
        size += s.size();
      }
    }
    return size;
  }

  private Segment segmentFor(String jwt) {
    int h = jwt.hashCode();
    h ^= h >>> 16;
    return segments[h & (segments.length - 1)];
  }

  /** A least-recently-used map of at most {@code capacity} entries. Guarded by its own monitor. */
  private static final class Segment extends LinkedHashMap<String, Token> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    Segment(int capacity) {
      super(Math.max(4, capacity * 4 / 3 + 1), 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Token> eldest) {
      return size() > capacity;
    }
  }
}
