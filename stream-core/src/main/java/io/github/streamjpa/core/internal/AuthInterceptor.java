package io.github.streamjpa.core.internal;

import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds Stream's server-side auth to every request: the {@code api_key} query parameter, the JWT for
 * the request's {@link TokenScope} tag as a bare {@code Authorization} value, and {@code
 * stream-auth-type: jwt}.
 */
public final class AuthInterceptor implements Interceptor {
  private final String apiKey;
  private final JwtSigner signer;

  /**
   * Creates the interceptor.
   *
   * @param apiKey the API key
   * @param signer the signer holding the secret
   */
  public AuthInterceptor(String apiKey, JwtSigner signer) {
    this.apiKey = apiKey;
    this.signer = signer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    TokenScope scope = request.tag(TokenScope.class);
    if (scope == null) {
      throw new IllegalStateException(
          "request "
              + request.method()
              + " "
              + request.url().encodedPath()
              + " has no token scope");
    }
    Request.Builder signed = request.newBuilder().header("Authorization", signer.token(scope));
    // Requests built with the key and the auth type already in place are not rebuilt for them.
    if (!request.url().queryParameterValues("api_key").equals(List.of(apiKey))) {
      signed.url(request.url().newBuilder().setQueryParameter("api_key", apiKey).build());
    }
    if (!request.headers().values("stream-auth-type").equals(List.of("jwt"))) {
      signed.header("stream-auth-type", "jwt");
    }
    return chain.proceed(signed.build());
  }
}
