package io.github.streamjpa.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Reads client settings from {@code STREAM_URL} or {@code STREAM_API_KEY}/{@code _SECRET}. */
final class EnvironmentConfig {
  private static final String FORMAT =
      "STREAM_URL must look like https://<key>:<secret>@<location>.stream-io-api.com/?app_id=<id>";

  private EnvironmentConfig() {}

  static StreamClient.Builder builder(Map<String, String> env) {
    String url = value(env, "STREAM_URL");
    if (url != null) {
      return fromUrl(url);
    }
    String key = value(env, "STREAM_API_KEY");
    String secret = value(env, "STREAM_API_SECRET");
    if (key == null || secret == null) {
      throw new IllegalStateException(
          "set STREAM_URL, or STREAM_API_KEY and STREAM_API_SECRET (missing: "
              + (key == null ? "STREAM_API_KEY" : "")
              + (key == null && secret == null ? ", " : "")
              + (secret == null ? "STREAM_API_SECRET" : "")
              + ")");
    }
    StreamClient.Builder b = StreamClient.builder(key, secret);
    String location = value(env, "STREAM_LOCATION");
    if (location == null) {
      location = value(env, "STREAM_REGION");
    }
    return location == null ? b : b.location(location);
  }

  // The URL holds the secret: no message here may include it.
  private static StreamClient.Builder fromUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(FORMAT + " (it is not a URL)");
    }
    String userInfo = uri.getRawUserInfo();
    String host = uri.getHost();
    if (uri.getScheme() == null || host == null || userInfo == null || !userInfo.contains(":")) {
      throw new IllegalStateException(FORMAT);
    }
    int colon = userInfo.indexOf(':');
    String key = URLDecoder.decode(userInfo.substring(0, colon), StandardCharsets.UTF_8);
    String secret = URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
    if (key.isBlank() || secret.isBlank()) {
      throw new IllegalStateException(FORMAT + " (key or secret is empty)");
    }
    StreamClient.Builder b = StreamClient.builder(key, secret);
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("stream-io-api.com") || h.equals("getstream.io")) {
      return b;
    }
    if (h.endsWith(".stream-io-api.com") || h.endsWith(".getstream.io")) {
      return b.location(h.substring(0, h.indexOf('.')));
    }
    // Anything else (localhost, an emulator) is a base URL.
    String base = uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    return b.baseUrl(base);
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }
}
