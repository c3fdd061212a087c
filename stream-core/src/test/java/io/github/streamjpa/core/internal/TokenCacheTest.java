package io.github.streamjpa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  final AtomicInteger signed = new AtomicInteger();
  long now;
  final TokenCache cache = new TokenCache(1000, Duration.ofMinutes(10), () -> now);

  String sign(TokenScope scope) {
    signed.incrementAndGet();
    return new String("token-" + scope.feedId());
  }

  @Test
  void doesNotGrowPastItsSizeOverThreeHundredThousandFeeds() {
    for (int i = 0; i < 300_000; i++) {
      cache.get(new TokenScope("feed", "read", "user" + i), this::sign);
    }

    assertThat(cache.size()).isEqualTo(1000);
    assertThat(signed).hasValue(300_000);
  }

  @Test
  void evictsTheLeastRecentlyUsedScope() {
    TokenScope hot = new TokenScope("feed", "read", "hot");
    String first = cache.get(hot, this::sign);

    for (int i = 0; i < 5000; i++) {
      cache.get(new TokenScope("feed", "read", "user" + i), this::sign);
      cache.get(hot, this::sign);
    }

    assertThat(cache.get(hot, this::sign)).isSameAs(first);
    assertThat(cache.get(new TokenScope("feed", "read", "user0"), this::sign))
        .isEqualTo("token-user0");
    assertThat(signed).hasValue(1 + 5000 + 1);
  }

  @Test
  void signsAgainOnceATokenReachesItsMaximumAge() {
    TokenScope read = new TokenScope("feed", "read", "user1");
    String first = cache.get(read, this::sign);

    now = Duration.ofMinutes(10).toNanos() - 1;
    String young = cache.get(read, this::sign);
    now = Duration.ofMinutes(10).toNanos();
    String renewed = cache.get(read, this::sign);

    assertThat(young).isSameAs(first);
    assertThat(renewed).isNotSameAs(first).isEqualTo(first);
    assertThat(signed).hasValue(2);
    assertThat(cache.size()).isEqualTo(1);
  }
}
