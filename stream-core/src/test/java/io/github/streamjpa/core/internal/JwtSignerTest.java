package io.github.streamjpa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSignerTest {
  final JwtSigner signer = new JwtSigner("secret");

  @Test
  void signsEachScopeOnceAndReusesTheToken() {
    TokenScope read = new TokenScope("feed", "read", "user1");

    String first = signer.token(read);
    String second = signer.token(new TokenScope("feed", "read", "user1"));
    signer.token(new TokenScope("feed", "write", "user1"));

    assertThat(second).isSameAs(first);
    assertThat(signer.cachedTokens()).isEqualTo(2);
    assertThat(JWT.require(Algorithm.HMAC256("secret")).build().verify(first).getClaims())
        .containsOnlyKeys("resource", "action", "feed_id");
  }

  @Test
  void keepsAtMostMaxCachedTokensAndTheMostRecentlyUsed() {
    TokenScope hot = new TokenScope("feed", "read", "hot");
    String first = signer.token(hot);

    for (int i = 0; i < JwtSigner.MAX_CACHED_TOKENS + 500; i++) {
      signer.token(new TokenScope("feed", "read", "user" + i));
      signer.token(hot);
    }

    assertThat(signer.cachedTokens()).isEqualTo(JwtSigner.MAX_CACHED_TOKENS);
    assertThat(signer.token(hot)).isSameAs(first);
  }

  @Test
  void signsAgainATokenOlderThanTheMaximumAge() {
    long[] now = {0};
    JwtSigner clocked = new JwtSigner("secret", () -> now[0]);
    TokenScope read = new TokenScope("feed", "read", "user1");
    String first = clocked.token(read);

    now[0] = JwtSigner.MAX_TOKEN_AGE.toNanos() - 1;
    String young = clocked.token(read);
    now[0] = JwtSigner.MAX_TOKEN_AGE.toNanos();
    String old = clocked.token(read);

    assertThat(young).isSameAs(first);
    assertThat(old).isNotSameAs(first).isEqualTo(first);
    assertThat(clocked.cachedTokens()).isEqualTo(1);
  }

  @Test
  void refusesClaimTypesItCannotWrite() {
    assertThatThrownBy(() -> signer.sign(Map.of("when", new Object()), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claim 'when' has type java.lang.Object");
  }
}
