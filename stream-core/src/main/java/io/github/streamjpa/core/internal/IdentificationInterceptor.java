package io.github.streamjpa.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import okhttp3.Interceptor;
import okhttp3.OkHttp;
import okhttp3.Request;
import okhttp3.Response;

/** Names the client on every request: {@code X-Stream-Client} and {@code User-Agent}. */
public final class IdentificationInterceptor implements Interceptor {
  /** This library's version, read from the build. */
  public static final String VERSION = readVersion();

  /** The {@code X-Stream-Client} value. */
  public static final String CLIENT = "stream-jpa-java-" + VERSION;

  /** The {@code User-Agent} value. */
  public static final String USER_AGENT =
      "stream-jpa-java/" + VERSION + " okhttp/" + OkHttp.VERSION;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.headers().values("X-Stream-Client").equals(List.of(CLIENT))
        && request.headers().values("User-Agent").equals(List.of(USER_AGENT))) {
      return chain.proceed(request); // already identified where it was built
    }
    return chain.proceed(
        request
            .newBuilder()
            .header("X-Stream-Client", CLIENT)
            .header("User-Agent", USER_AGENT)
            .build());
  }

  private static String readVersion() {
    try (InputStream in =
        IdentificationInterceptor.class.getResourceAsStream("stream-core.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
