package io.github.streamjpa.core.internal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs Stream JWTs (HS256 with the API secret) and caches server tokens per scope.
 *
 * <p>Server tokens carry no {@code iat} or {@code exp}, as in the official clients, so a token for
 * a scope never changes and is signed once for the client's life.
 */
public final class JwtSigner {
  private final Algorithm algorithm;
  private final Map<TokenScope, String> cache = new ConcurrentHashMap<>();

  /**
   * Creates a signer.
   *
   * @param secret the API secret; kept only inside the HMAC algorithm
   */
  public JwtSigner(String secret) {
    this.algorithm = Algorithm.HMAC256(secret);
  }

  /**
   * Returns the server token for a scope, signing it on first use.
   *
   * @param scope the claims
   * @return the compact JWT
   */
  public String token(TokenScope scope) {
    return cache.computeIfAbsent(
        scope,
        s ->
            JWT.create()
                .withClaim("resource", s.resource())
                .withClaim("action", s.action())
                .withClaim("feed_id", s.feedId())
                .sign(algorithm));
  }

  /**
   * Signs a token with free claims (user tokens, redirect URLs); never cached.
   *
   * @param claims string, number, boolean, list or map claims, in order
   * @param expiresAt the {@code exp} claim, or null for none
   * @return the compact JWT
   */
  public String sign(Map<String, ?> claims, Instant expiresAt) {
    JWTCreator.Builder b = JWT.create();
    claims.forEach((name, value) -> claim(b, name, value));
    if (expiresAt != null) {
      b.withExpiresAt(Date.from(expiresAt));
    }
    return b.sign(algorithm);
  }

  /** Returns how many server tokens are cached; tests use it to see reuse. */
  int cachedTokens() {
    return cache.size();
  }

  private static void claim(JWTCreator.Builder b, String name, Object value) {
    if (value == null) {
      b.withNullClaim(name);
    } else if (value instanceof String s) {
      b.withClaim(name, s);
    } else if (value instanceof Integer i) {
      b.withClaim(name, i);
    } else if (value instanceof Long l) {
      b.withClaim(name, l);
    } else if (value instanceof Double d) {
      b.withClaim(name, d);
    } else if (value instanceof Boolean bool) {
      b.withClaim(name, bool);
    } else if (value instanceof Instant instant) {
      b.withClaim(name, instant);
    } else if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) map;
      b.withClaim(name, m);
    } else if (value instanceof List<?> list) {
      b.withClaim(name, list);
    } else if (value instanceof Number n) {
      b.withClaim(name, n.doubleValue());
    } else {
      throw new IllegalArgumentException(
          "claim '"
              + name
              + "' has type "
              + value.getClass().getName()
              + "; claims must be strings, numbers, booleans, Instants, lists or maps");
    }
  }
}
