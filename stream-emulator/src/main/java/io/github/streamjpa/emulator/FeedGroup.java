package io.github.streamjpa.emulator;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configuration of one feed group (slug): its type and, for aggregated and notification groups,
 * its aggregation format.
 *
 * @param slug the group's slug, matching {@code [\w-]+}
 * @param type the group's type
 * @param aggregationFormat the Jinja-like template that gives each activity its group key; {@code
 *     null} for flat groups
 */
public record FeedGroup(String slug, FeedGroupType type, String aggregationFormat) {

  /** The format Stream's dashboard proposes for new aggregated groups. */
  public static final String DEFAULT_AGGREGATION_FORMAT =
      "{{ verb }}_{{ time.strftime(\"%Y-%m-%d\") }}";

  private static final Pattern SLUG = Pattern.compile("[\\w-]+");

  /**
   * Validates the slug and fills the default aggregation format for grouped types.
   *
   * @param slug the group's slug, matching {@code [\w-]+}
   * @param type the group's type
   * @param aggregationFormat the Jinja-like template that gives each activity its group key; {@code
   *     null} for flat groups
   */
  public FeedGroup {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(type, "type");
    if (!SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("feed group slug '" + slug + "' must match [\\w-]+");
    }
    if (type == FeedGroupType.FLAT) {
      if (aggregationFormat != null) {
        throw new IllegalArgumentException(
            "feed group '" + slug + "' is flat and cannot have an aggregation format");
      }
    } else if (aggregationFormat == null || aggregationFormat.isBlank()) {
      aggregationFormat = DEFAULT_AGGREGATION_FORMAT;
    }
  }

  /**
   * The group a slug gets when it was not configured: slugs containing {@code notification} are
   * notification groups, slugs containing {@code aggregated} are aggregated groups (both with the
   * default format), every other slug is flat.
   *
   * @param slug the slug
   * @return the default group for that slug
   */
  public static FeedGroup byNamingDefaults(String slug) {
    if (slug.contains("notification")) {
      return new FeedGroup(slug, FeedGroupType.NOTIFICATION, null);
    }
    if (slug.contains("aggregated")) {
      return new FeedGroup(slug, FeedGroupType.AGGREGATED, null);
    }
    return new FeedGroup(slug, FeedGroupType.FLAT, null);
  }
}
