package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.jpa.FeedManager;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a page of a feed and enriches it: what an MVC controller calls to render a timeline, a
 * profile or notifications, with a cursor for the next page.
 *
 * <pre>{@code
 * FeedReader reader = FeedReader.of(enricher, feedManager);
 *
 * @GetMapping("/timeline")
 * String timeline(@RequestParam(required = false) String cursor, Model model) {
 *   EnrichedPage<EnrichedActivity> page = reader.timeline(currentUserId(), 25, cursor);
 *   model.addAttribute("page", page.dropIncomplete());
 *   return "timeline";
 * }
 * }</pre>
 *
 * <p>The feed is read first, then the references are loaded (see {@link Enricher}): no database
 * connection is held during the HTTP call, and with no transaction active the loading runs in a
 * read-only one of its own, so it works with {@code spring.jpa.open-in-view=false}. Immutable and
 * thread-safe.
 */
public final class FeedReader {

  /** The largest page Stream serves. */
  public static final int MAX_LIMIT = 100;

  // group ids embed the aggregation key, which may hold any text: refuse only what no id holds
  private static final Pattern CURSOR = Pattern.compile("[^\\p{Cntrl}\\s]{1,500}");
  private static final String AGGREGATED_NEWS_FEED = "timeline_aggregated";

  private final Enricher enricher;
  private final FeedManager feeds;

  private FeedReader(Enricher enricher, FeedManager feeds) {
    this.enricher = Objects.requireNonNull(enricher, "enricher");
    this.feeds = feeds;
  }

  /** Returns a reader of feeds given explicitly. */
  public static FeedReader of(Enricher enricher) {
    return new FeedReader(enricher, null);
  }

  /** Returns a reader that also finds a user's feeds by the feed manager's names. */
  public static FeedReader of(Enricher enricher, FeedManager feeds) {
    return new FeedReader(enricher, Objects.requireNonNull(feeds, "feeds"));
  }

  /** Returns the enricher this reader uses. */
  public Enricher enricher() {
    return enricher;
  }

  /**
   * Reads and enriches a page of a flat feed; {@code cursor} is a previous page's {@link
   * EnrichedPage#nextCursor()}, or null for the first page.
   *
   * @throws IllegalArgumentException if the limit is not between 1 and {@value #MAX_LIMIT} or the
   *     cursor is not an id
   */
  public EnrichedPage<EnrichedActivity> activities(Feed feed, int limit, String cursor) {
    return activities(feed, options(limit, cursor));
  }

  /** Reads and enriches a page of a flat feed with any read options. */
  public EnrichedPage<EnrichedActivity> activities(Feed feed, ReadOptions options) {
    Objects.requireNonNull(feed, "feed");
    return enricher.enrichActivities(feed.getActivities(options));
  }

  /** Reads and enriches a page of an aggregated feed; the cursor is a group id. */
  public EnrichedPage<EnrichedGroup> aggregated(Feed feed, int limit, String cursor) {
    return aggregated(feed, options(limit, cursor));
  }

  /** Reads and enriches a page of an aggregated feed with any read options. */
  public EnrichedPage<EnrichedGroup> aggregated(Feed feed, ReadOptions options) {
    Objects.requireNonNull(feed, "feed");
    return enricher.enrichGroups(feed.getAggregatedActivities(options));
  }

  /** Reads and enriches a page of a notification feed, with its unseen and unread counts. */
  public EnrichedPage<EnrichedGroup> notifications(Feed feed, int limit, String cursor) {
    return notifications(feed, options(limit, cursor));
  }

  /** Reads and enriches a page of a notification feed with any options (e.g. mark seen). */
  public EnrichedPage<EnrichedGroup> notifications(Feed feed, ReadOptions options) {
    Objects.requireNonNull(feed, "feed");
    return enricher.enrichNotifications(feed.getNotificationActivities(options));
  }

  /** Reads a user's own feed (where their activities are written). */
  public EnrichedPage<EnrichedActivity> userFeed(Object userId, int limit, String cursor) {
    return activities(manager().userFeed(userId), limit, cursor);
  }

  /** Reads a user's news feed ({@code timeline}): the activities of those they follow. */
  public EnrichedPage<EnrichedActivity> timeline(Object userId, int limit, String cursor) {
    return activities(manager().newsFeed(userId), limit, cursor);
  }

  /** Reads a user's aggregated news feed ({@code timeline_aggregated}). */
  public EnrichedPage<EnrichedGroup> aggregatedTimeline(Object userId, int limit, String cursor) {
    Map<String, Feed> newsFeeds = manager().newsFeeds(userId);
    Feed feed = newsFeeds.get(AGGREGATED_NEWS_FEED);
    if (feed == null) {
      throw new IllegalStateException(
          "the feed manager has no news feed named '"
              + AGGREGATED_NEWS_FEED
              + "' (it has "
              + newsFeeds.keySet()
              + "); read the aggregated feed with aggregated(Feed, ...)");
    }
    return aggregated(feed, limit, cursor);
  }

  /** Reads a user's notification feed. */
  public EnrichedPage<EnrichedGroup> notificationFeed(Object userId, int limit, String cursor) {
    return notifications(manager().notificationFeed(userId), limit, cursor);
  }

  private FeedManager manager() {
    if (feeds == null) {
      throw new IllegalStateException(
          "this reader has no FeedManager; create it with FeedReader.of(enricher, feedManager)");
    }
    return feeds;
  }

  private static ReadOptions options(int limit, String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "page limit " + limit + " must be between 1 and " + MAX_LIMIT);
    }
    ReadOptions.Builder options = ReadOptions.builder().limit(limit);
    if (cursor != null && !cursor.isEmpty()) {
      if (!CURSOR.matcher(cursor).matches()) {
        // the cursor comes from a request: echo a bounded part of it only
        String shown = cursor.length() > 60 ? cursor.substring(0, 60) + "..." : cursor;
        throw new IllegalArgumentException(
            "cursor '"
                + shown
                + "' must be an activity or group id (1-500 characters, no spaces or controls)");
      }
      options.idLt(cursor);
    }
    return options.build();
  }
}
