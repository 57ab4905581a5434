package dev.jwtsecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {
  @Override
  RefreshTokenStore store() {
    return new InMemoryRefreshTokenStore(1000);
  }

  @Test
  void itIsBounded() {
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(3);
    RefreshTokenStore.Entry oldest = entry("a");
    store.create(oldest);
    for (int i = 0; i < 5; i++) {
      store.create(entry("f" + i));
    }
    assertEquals(3, store.size());
    assertInstanceOf(RefreshTokenStore.Invalid.class, store.rotate(oldest.hash(), NOW, successor(new ArrayList<>())),
        "the oldest went first");
  }
}
