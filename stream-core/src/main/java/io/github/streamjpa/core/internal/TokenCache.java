package io.github.streamjpa.core.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Server tokens by scope, bounded in size (least recently used out first) and in age (a token older
 * than the maximum age is signed again).
 */
final class TokenCache {
  private final int maxSize;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;

  /** Access-ordered, so the eldest entry is the least recently used; guarded by itself. */
  private final Map<TokenScope, Cached> entries;

  private record Cached(String token, long signedAtNanos) {}

  TokenCache(int maxSize, Duration maxAge, LongSupplier nanoTime) {
    this.maxSize = maxSize;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = nanoTime;
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<TokenScope, Cached> eldest) {
            return size() > TokenCache.this.maxSize;
          }
        };
  }

  /** Returns the cached token for a scope, or signs, caches and returns a new one. */
  String get(TokenScope scope, Function<TokenScope, String> sign) {
    long now = nanoTime.getAsLong();
    synchronized (entries) {
      Cached cached = entries.get(scope);
      if (cached != null && now - cached.signedAtNanos() < maxAgeNanos) {
        return cached.token();
      }
    }
    // Signed outside the lock; two threads may both sign a new scope, with the same result.
    String token = sign.apply(scope);
    synchronized (entries) {
      entries.put(scope, new Cached(token, now));
    }
    return token;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
