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
  void refusesClaimTypesItCannotWrite() {
    assertThatThrownBy(() -> signer.sign(Map.of("when", new Object()), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claim 'when' has type java.lang.Object");
  }
}
