package io.github.streamjpa.core;

/**
 * The id of a feed: its group (slug) and user id, written {@code "slug:userId"} on the wire.
 *
 * <p>Both parts must match {@code [A-Za-z0-9_-]+} (ASCII letters, digits, underscore, hyphen), as
 * the service checks them.
 *
 * <pre>{@code
 * FeedId timeline = FeedId.of("timeline", "42");
 * FeedId same = FeedId.parse("timeline:42");
 * }</pre>
 *
 * @param slug the feed group, for example {@code "user"}
 * @param userId the feed's user id, for example {@code "42"}
 */
public record FeedId(String slug, String userId) {

  /**
   * Validates both parts; see the type's description for the rule.
   *
   * @param slug the feed group, for example {@code "user"}
   * @param userId the feed's user id, for example {@code "42"}
   */
  public FeedId {
    Checks.word(slug, "feed slug");
    Checks.word(userId, "feed user id");
  }

  /**
   * Returns the feed id for a slug and user id.
   *
   * @param slug the feed group
   * @param userId the user id
   * @return the id
   * @throws IllegalArgumentException if a part does not match {@code [A-Za-z0-9_-]+}
   */
  public static FeedId of(String slug, String userId) {
    return new FeedId(slug, userId);
  }

  /**
   * Parses {@code "slug:userId"}.
   *
   * @param id the text, with exactly one colon
   * @return the id
   * @throws IllegalArgumentException if the text does not have exactly one colon or a part is
   *     invalid
   */
  public static FeedId parse(String id) {
    Checks.notNull(id, "feed id");
    int colon = id.indexOf(':');
    if (colon < 0 || colon != id.lastIndexOf(':')) {
      throw new IllegalArgumentException(
          "feed id '" + id + "' must be 'slug:userId' with exactly one ':'");
    }
    return new FeedId(id.substring(0, colon), id.substring(colon + 1));
  }

  /**
   * Returns the slug and user id joined without a colon, as the JWT {@code feed_id} claim needs.
   *
   * @return for example {@code "user42"}
   */
  public String tokenFeedId() {
    return slug + userId;
  }

  /**
   * Returns the wire form.
   *
   * @return {@code "slug:userId"}
   */
  @Override
  public String toString() {
    return slug + ":" + userId;
  }
}
