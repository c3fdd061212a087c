package io.github.streamjpa.emulator.internal;

import io.github.streamjpa.emulator.EmulatorConfig;
import io.github.streamjpa.emulator.FeedGroup;
import java.util.regex.Pattern;

/** Turns slugs and feed ids from requests into {@link FeedRef}s, applying the group config. */
final class FeedResolver {
  private static final Pattern NAME = Pattern.compile("[\\w-]+");

  /** The longest feed slug and user id accepted. */
  static final int MAX_NAME_LENGTH = 255;

  private final EmulatorConfig config;

  FeedResolver(EmulatorConfig config) {
    this.config = config;
  }

  FeedRef resolve(String slug, String userId) {
    if (slug.length() > MAX_NAME_LENGTH) {
      throw ApiException.input(
          "feed_slug", "feed slug is " + slug.length() + " characters; at most 255 are allowed");
    }
    if (userId.length() > MAX_NAME_LENGTH) {
      throw ApiException.input(
          "user_id", "user id is " + userId.length() + " characters; at most 255 are allowed");
    }
    if (!NAME.matcher(slug).matches()) {
      throw ApiException.input("feed_slug", "feed slug '" + slug + "' must match [\\w-]+");
    }
    if (!NAME.matcher(userId).matches()) {
      throw ApiException.input("user_id", "user id '" + userId + "' must match [\\w-]+");
    }
    FeedGroup group = config.feedGroups().get(slug);
    if (group == null) {
      if (config.strictFeedGroups()) {
        throw ApiException.feedConfig(
            "The following feeds are not configured: '"
                + slug
                + "'. This could be the cause of a typo, but otherwise you should configure them"
                + " on the dashboard of this app.");
      }
      group = FeedGroup.byNamingDefaults(slug);
    }
    return new FeedRef(slug, userId, group);
  }

  /** Parses {@code slug:userId}, dropping anything after a space (a signature some clients add). */
  FeedRef parseFeedId(String value, String field) {
    String id = value.strip();
    int space = id.indexOf(' ');
    if (space >= 0) {
      id = id.substring(0, space);
    }
    int colon = id.indexOf(':');
    if (colon <= 0 || colon != id.lastIndexOf(':') || colon == id.length() - 1) {
      throw ApiException.input(
          field, "feed id '" + value + "' must have the form slug:user_id with one colon");
    }
    return resolve(id.substring(0, colon), id.substring(colon + 1));
  }
}
