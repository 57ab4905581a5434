package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.Token;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded cache from the exact text of a token to the {@link Token} that full verification produced, so that a
 * client reusing its token does not pay for base64, JSON and HMAC again. Only verified tokens are put in; a tampered
 * variant is another string and misses.
 *
 * <p>A token enters the cache on its second verification, not its first: a small "doorkeeper" table remembers the hash
 * of tokens seen once (a primitive array, nothing retained). Clients reuse tokens, so a real token is cached from
 * its second request on; tokens used once (a flood of distinct valid tokens, or a scan) never evict the tokens in use,
 * and cost no more than verification without a cache. A hash collision in the doorkeeper, or an invalid token with the
 * same hash, only admits a verified token one use early; invalid tokens themselves are never cached.
 *
 * <p>The layout is set-associative, like a CPU cache, because the cost of a lookup that misses is the number of cold
 * memory lines it touches: a token's hash picks one set, and the set's hashes sit next to each other in one primitive
 * array, so a miss reads one line and no entry object. A set holds {@code capacity / sets} entries (8 to 16); the
 * sets' sizes add up to exactly the configured capacity, so memory stays flat under a flood of distinct valid tokens.
 * Within a full set the victim is chosen by the clock algorithm (an entry used since the hand last passed it gets a
 * second chance).
 *
 * <p>Reads take no lock: the hashes and the "used" marks are hints, read and written without synchronisation, and an
 * entry counts only after the entry itself (immutable, published through an {@link AtomicReferenceArray}) is found to
 * hold exactly the token's text. A stale hint can cost a lookup or an early eviction, never a wrong answer. Writes
 * (admissions and removals, far rarer than reads) lock one of 64 stripes.
 *
 * <p>A cache belongs to one {@link TokenCodec}, that is to one secret: a new secret means a new codec and an empty
 * cache.
 */
final class TokenCache {
  /** The target number of entries per set; a set holds between this and twice this many. */
  private static final int WAYS = 8;
  private static final int STRIPES = 64;

  private final int setMask;
  /**
   * Slots reserved per set: the largest set's size. Set {@code s} uses slots {@code [s * stride, s * stride + size)}.
   */
  private final int stride;
  private final int baseWays;
  private final int sets;
  /** The first {@code extraSets} sets hold {@code baseWays + 1} entries, the rest {@code baseWays}. */
  private final int extraSets;

  /** Per slot: the hash of the token in it; a hint (0 when empty). */
  private final int[] hashes;
  /** Per slot: 1 when the entry was hit since the clock hand last passed it; a hint. */
  private final byte[] used;
  /** Per set: the clock hand, an offset into the set; guarded by the set's stripe. */
  private final byte[] hands;
  private final AtomicReferenceArray<Entry> entries;
  private final Object[] stripes;

  /** Hashes of tokens seen once; benign races (int stores are atomic, a lost store only delays admission). */
  private final int[] doorkeeper;

  TokenCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    sets = Integer.highestOneBit(Math.max(1, capacity / WAYS));
    setMask = sets - 1;
    baseWays = capacity / sets;
    extraSets = capacity % sets;
    stride = baseWays + (extraSets > 0 ? 1 : 0);
    hashes = new int[sets * stride];
    used = new byte[sets * stride];
    hands = new byte[sets];
    entries = new AtomicReferenceArray<>(sets * stride);
    stripes = new Object[Math.min(STRIPES, sets)];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
    doorkeeper = new int[(int) Math.min(1 << 20, Long.highestOneBit(capacity * 4L - 1))];
  }

  /**
   * Records a use of {@code jwt} that missed the cache, and returns whether it was seen before (as far as the
   * doorkeeper remembers): a token is cached only when this was true and its verification then succeeded. Called before
   * verification, right after the lookup, so that the processor fetches both tables' memory together.
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
    int h = hint(jwt);
    int set = set(h);
    int base = set * stride;
    int end = base + ways(set);
    for (int i = base; i < end; i++) {
      if (hashes[i] == h) {
        Entry e = entries.get(i);
        if (e != null && e.jwt.equals(jwt)) {
          if (used[i] == 0) {
            used[i] = 1;
          }
          return e.token;
        }
      }
    }
    return null;
  }

  void put(String jwt, Token token) {
    int h = hint(jwt);
    int set = set(h);
    int base = set * stride;
    int ways = ways(set);
    synchronized (stripes[set & (stripes.length - 1)]) {
      // Under the stripe's lock the hashes are exact (every writer holds it): 0 is an empty slot, and an entry for
      // this text can only sit where its hash is. Scanning them spares reading the entries' memory.
      int victim = -1;
      for (int i = base; i < base + ways; i++) {
        int slotHash = hashes[i];
        if (slotHash == h && entries.get(i).jwt.equals(jwt)) {
          victim = i;
          break;
        }
        if (slotHash == 0 && victim < 0) {
          victim = i;
        }
      }
      if (victim < 0) {
        victim = base + clock(set, base, ways);
      }
      // Invalidate the hint first, so that no reader pairs the old entry with the new hash or the reverse.
      hashes[victim] = 0;
      entries.set(victim, new Entry(jwt, token));
      used[victim] = 0;
      hashes[victim] = h;
    }
  }

  void remove(String jwt) {
    int h = hint(jwt);
    int set = set(h);
    int base = set * stride;
    int end = base + ways(set);
    synchronized (stripes[set & (stripes.length - 1)]) {
      for (int i = base; i < end; i++) {
        if (hashes[i] == h && entries.get(i).jwt.equals(jwt)) {
          hashes[i] = 0;
          entries.set(i, null);
          used[i] = 0;
        }
      }
    }
  }

  /** The number of entries; for tests and monitoring. */
  int size() {
    int size = 0;
    for (int i = 0; i < entries.length(); i++) {
      if (entries.get(i) != null) {
        size++;
      }
    }
    return size;
  }

  /** The most entries the cache holds: exactly the configured capacity. */
  int capacity() {
    int total = 0;
    for (int set = 0; set < sets; set++) {
      total += ways(set);
    }
    return total;
  }

  /** Advances the set's clock hand past used entries, clearing their marks, and returns the offset of the victim. */
  private int clock(int set, int base, int ways) {
    int hand = hands[set];
    // Readers may mark entries concurrently; two turns of the hand bound the search regardless.
    for (int turns = 0; turns < 2 * ways && used[base + hand] != 0; turns++) {
      used[base + hand] = 0;
      hand = hand + 1 == ways ? 0 : hand + 1;
    }
    hands[set] = (byte) (hand + 1 == ways ? 0 : hand + 1);
    return hand;
  }

  private int ways(int set) {
    return set < extraSets ? baseWays + 1 : baseWays;
  }

  private int set(int hint) {
    return (hint ^ (hint >>> 16)) & setMask;
  }

  /** The token's hash, never 0 (0 marks an empty slot). */
  private static int hint(String jwt) {
    int h = jwt.hashCode();
    return h == 0 ? 1 : h;
  }

  private static final class Entry {
    final String jwt;
    final Token token;

    Entry(String jwt, Token token) {
      this.jwt = jwt;
      this.token = token;
    }
  }
}
