package io.github.streamjpa.core.internal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Signs Stream JWTs (HS256 with the API secret) and caches server tokens per scope.
 *
 * <p>Server tokens carry no {@code iat} or {@code exp}, as in the official clients, so the token
 * for a scope never changes; the cache only saves signing it again. It is bounded in size (the
 * {@value #MAX_CACHED_TOKENS} most recently used scopes) and in age ({@link #MAX_TOKEN_AGE}), so a
 * long-running server that touches many feeds does not keep a token for each of them.
 */
public final class JwtSigner {
  /** How many server tokens are kept at most. */
  static final int MAX_CACHED_TOKENS = 4096;

  /** How long a cached server token is used before it is signed again. */
  static final Duration MAX_TOKEN_AGE = Duration.ofHours(1);

  private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  private final Algorithm algorithm;

  private final TokenCache cache;

  /**
   * Creates a signer.
   *
   * @param secret the API secret; kept only inside the HMAC algorithm
   */
  public JwtSigner(String secret) {
    this(secret, System::nanoTime);
  }

  JwtSigner(String secret, LongSupplier nanoTime) {
    this.algorithm = Algorithm.HMAC256(secret);
    this.cache = new TokenCache(MAX_CACHED_TOKENS, MAX_TOKEN_AGE, nanoTime);
  }

  /**
   * Returns the server token for a scope, signing it when it is not cached or too old.
   *
   * @param scope the claims
   * @return the compact JWT
   */
  public String token(TokenScope scope) {
    return cache.get(
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
   * @throws IllegalArgumentException if the expiry is before 1970 or after the year 9999
   */
  public String sign(Map<String, ?> claims, Instant expiresAt) {
    JWTCreator.Builder b = JWT.create();
    claims.forEach((name, value) -> claim(b, name, value));
    if (expiresAt != null) {
      if (expiresAt.isBefore(Instant.EPOCH) || expiresAt.isAfter(LATEST_EXPIRY)) {
        throw new IllegalArgumentException(
            "token expiry "
                + expiresAt
                + " must be between "
                + Instant.EPOCH
                + " and "
                + LATEST_EXPIRY);
      }
      b.withExpiresAt(Date.from(expiresAt));
    }
    return b.sign(algorithm);
  }

  /** Returns how many server tokens are cached; tests use it to see reuse and the bound. */
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
