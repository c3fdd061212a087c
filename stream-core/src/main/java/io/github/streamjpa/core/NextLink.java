package io.github.streamjpa.core;

import java.util.Optional;
import okhttp3.HttpUrl;

/** Reads the relative {@code next} URL of a page back into read options. */
final class NextLink {
  private static final HttpUrl ANCHOR = HttpUrl.get("http://next.invalid/");

  private NextLink() {}

  static Optional<String> idLt(String next) {
    return parse(next).map(url -> url.queryParameter("id_lt")).filter(s -> !s.isEmpty());
  }

  static Optional<ReadOptions> nextPage(String next) {
    return parse(next)
        .map(
            url -> {
              ReadOptions.Builder b = ReadOptions.builder();
              intParam(url, "limit").ifPresent(b::limit);
              intParam(url, "offset").ifPresent(b::offset);
              param(url, "id_lt").ifPresent(b::idLt);
              param(url, "ranking").ifPresent(b::ranking);
              return b.build();
            });
  }

  private static Optional<HttpUrl> parse(String next) {
    if (next == null || next.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(ANCHOR.resolve(next));
  }

  private static Optional<String> param(HttpUrl url, String name) {
    return Optional.ofNullable(url.queryParameter(name)).filter(s -> !s.isBlank());
  }

  private static Optional<Integer> intParam(HttpUrl url, String name) {
    return param(url, name)
        .flatMap(
            s -> {
              try {
                int v = Integer.parseInt(s);
                return v >= (name.equals("limit") ? 1 : 0) ? Optional.of(v) : Optional.empty();
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}
