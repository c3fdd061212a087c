package io.github.streamjpa.core;

import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Where the API and the analytics redirect live, from a location or a base URL override. */
record Endpoints(HttpUrl api, HttpUrl analyticsRedirect) {
  private static final Pattern LOCATION = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  private static final List<String> NO_LOCATION = List.of("", "api", "getstream", "stream-io-api");

  /**
   * The hosted service: {@code https://[L-]api.stream-io-api.com/api/v1.0/}, and analytics at
   * {@code https://analytics.stream-io-api.com/analytics/redirect/} whatever the location.
   */
  static Endpoints forLocation(String location) {
    String prefix = "";
    if (location != null) {
      String l = location.trim().toLowerCase(java.util.Locale.ROOT);
      if (l.endsWith("-api") && !NO_LOCATION.contains(l)) {
        l = l.substring(0, l.length() - "-api".length());
      }
      if (!NO_LOCATION.contains(l)) {
        if (!LOCATION.matcher(l).matches()) {
          throw new IllegalArgumentException(
              "location '" + location + "' must be a region name like us-east, eu-west, singapore");
        }
        prefix = l + "-";
      }
    }
    // Analytics has one host for every location, as the official clients use it.
    return new Endpoints(
        HttpUrl.get("https://" + prefix + "api.stream-io-api.com/api/v1.0/"),
        HttpUrl.get("https://analytics.stream-io-api.com/analytics/redirect/"));
  }

  /** A URL that could not be parsed may still hold "key:secret@": never echo that part. */
  private static String withoutCredentials(String url) {
    int at = url.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    int scheme = url.indexOf("://");
    int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
    return url.substring(0, start) + "***" + url.substring(at);
  }

  /**
   * A local server such as the emulator: {@code <base>/api/v1.0/} and {@code
   * <base>/analytics/redirect/}.
   */
  static Endpoints forBaseUrl(String baseUrl) {
    Checks.notNull(baseUrl, "base URL");
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException(
          "base URL '" + withoutCredentials(baseUrl) + "' must be an absolute http or https URL");
    }
    if (url.username().length() > 0 || url.password().length() > 0) {
      throw new IllegalArgumentException(
          "base URL must not carry credentials; pass the key and secret to the builder");
    }
    List<String> segments = url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
    if (segments.size() >= 2
        && segments.get(segments.size() - 2).equals("api")
        && segments.get(segments.size() - 1).equals("v1.0")) {
      segments = segments.subList(0, segments.size() - 2);
    }
    HttpUrl.Builder root = url.newBuilder().encodedPath("/").query(null).fragment(null);
    segments.forEach(root::addPathSegment);
    HttpUrl rootUrl = root.build();
    return new Endpoints(
        rootUrl
            .newBuilder()
            .addPathSegment("api")
            .addPathSegment("v1.0")
            .addPathSegment("")
            .build(),
        rootUrl
            .newBuilder()
            .addPathSegment("analytics")
            .addPathSegment("redirect")
            .addPathSegment("")
            .build());
  }
}
