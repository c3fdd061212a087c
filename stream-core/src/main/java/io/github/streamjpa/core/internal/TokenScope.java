package io.github.streamjpa.core.internal;

import java.util.Objects;

/**
 * The JWT a request needs: resource, action and feed id claims (stream-api.md §2.1). Attached to
 * each request as its tag so the auth interceptor signs (or reuses) the right token.
 *
 * @param resource for example {@code feed}, {@code follower}, {@code activities}
 * @param action {@code read}, {@code write}, {@code delete} or {@code *}
 * @param feedId slug and user id without a colon, or {@code *}
 */
public record TokenScope(String resource, String action, String feedId) {

  /**
   * Checks that all claims are present.
   *
   * @param resource for example {@code feed}, {@code follower}, {@code activities}
   * @param action {@code read}, {@code write}, {@code delete} or {@code *}
   * @param feedId slug and user id without a colon, or {@code *}
   */
  public TokenScope {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(feedId, "feedId");
  }
}
