package io.github.streamjpa.emulator.internal;

/**
 * What a request needs its credentials to allow.
 *
 * @param resource the JWT resource (feed, follower, feed_targets, activities)
 * @param action read, write or delete (from the HTTP method)
 * @param feed the feed the request is about, or {@code null} for app-wide operations
 * @param batch whether HTTP-signature auth is also accepted (the three batch paths)
 */
record Scope(String resource, String action, FeedRef feed, boolean batch) {
  static String actionOf(String method) {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS" -> "read";
      case "DELETE" -> "delete";
      default -> "write";
    };
  }
}
