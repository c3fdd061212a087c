package io.github.streamjpa.core.internal;

import java.io.IOException;
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
    Request signed =
        request
            .newBuilder()
            .url(request.url().newBuilder().setQueryParameter("api_key", apiKey).build())
            .header("Authorization", signer.token(scope))
            .header("stream-auth-type", "jwt")
            .build();
    return chain.proceed(signed);
  }
}
