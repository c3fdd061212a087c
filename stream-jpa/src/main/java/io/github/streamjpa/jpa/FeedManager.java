package io.github.streamjpa.jpa;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.core.UnfollowRelation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The feed conventions of stream-django: a user feed per user, news feeds ({@code timeline}, {@code
 * timeline_aggregated}) that follow user feeds, and a notification feed. An immutable value: the
 * switch that pauses tracking is on {@link StreamJpa}.
 *
 * <pre>{@code
 * FeedManager feeds = StreamJpa.of(entityManagerFactory).feedManager();
 * feeds.followUser(alice.getId(), bob.getId());     // alice's news feeds now show bob's activities
 * FeedPage<FeedActivity> page = feeds.newsFeed(alice.getId()).getActivities();
 * }</pre>
 *
 * <p>User ids may be given as id values ({@code 42L}, a UUID, a string), as user entities or as
 * references ({@code "User:42"}, whose id part is used). Immutable and thread-safe.
 */
public final class FeedManager {

  private static final Pattern SLUG = Pattern.compile("[\\w-]+");

  private final StreamClient client;
  private final String userFeedSlug;
  private final Map<String, String> newsFeedSlugs;
  private final String notificationFeedSlug;
  private final int activityCopyLimit;
  private final boolean keepHistory;

  private FeedManager(Builder builder) {
    this.client = builder.client;
    this.userFeedSlug = builder.userFeedSlug;
    this.newsFeedSlugs = Collections.unmodifiableMap(new LinkedHashMap<>(builder.newsFeedSlugs));
    this.notificationFeedSlug = builder.notificationFeedSlug;
    this.activityCopyLimit = builder.activityCopyLimit;
    this.keepHistory = builder.keepHistory;
  }

  /** Returns a feed manager with stream-django's default slugs. */
  public static FeedManager create(StreamClient client) {
    return builder(client).build();
  }

  /** Returns a builder with stream-django's default slugs. */
  public static Builder builder(StreamClient client) {
    return new Builder(client);
  }

  /** Returns the client this manager's feeds use. */
  public StreamClient client() {
    return client;
  }

  /** Returns the user feed slug ({@code user} by default). */
  public String userFeedSlug() {
    return userFeedSlug;
  }

  /** Returns the news feeds as name → slug ({@code timeline}, {@code timeline_aggregated}). */
  public Map<String, String> newsFeedSlugs() {
    return newsFeedSlugs;
  }

  /** Returns the notification feed slug ({@code notification} by default). */
  public String notificationFeedSlug() {
    return notificationFeedSlug;
  }

  /** Returns the activity copy limit used when following. */
  public int activityCopyLimit() {
    return activityCopyLimit;
  }

  /** Returns whether unfollowing keeps the copied activities. */
  public boolean keepHistory() {
    return keepHistory;
  }

  /** Returns the user feed of a user, where that user's activities are written. */
  public Feed userFeed(Object userId) {
    return client.feed(userFeedSlug, userIdOf(userId));
  }

  /** Returns the first news feed of a user ({@code timeline} by default). */
  public Feed newsFeed(Object userId) {
    return client.feed(newsFeedSlugs.values().iterator().next(), userIdOf(userId));
  }

  /** Returns every news feed of a user, keyed by news feed name, in configuration order. */
  public Map<String, Feed> newsFeeds(Object userId) {
    String id = userIdOf(userId);
    Map<String, Feed> feeds = new LinkedHashMap<>();
    newsFeedSlugs.forEach((name, slug) -> feeds.put(name, client.feed(slug, id)));
    return Collections.unmodifiableMap(feeds);
  }

  /** Returns the notification feed of a user. */
  public Feed notificationFeed(Object userId) {
    return client.feed(notificationFeedSlug, userIdOf(userId));
  }

  /** Returns every feed of a user: user feed, news feeds and notification feed, keyed by slug. */
  public Map<String, Feed> feedsOf(Object userId) {
    String id = userIdOf(userId);
    Map<String, Feed> feeds = new LinkedHashMap<>();
    feeds.put(userFeedSlug, client.feed(userFeedSlug, id));
    newsFeedSlugs.values().forEach(slug -> feeds.put(slug, client.feed(slug, id)));
    feeds.put(notificationFeedSlug, client.feed(notificationFeedSlug, id));
    return Collections.unmodifiableMap(feeds);
  }

  /** Makes the news feeds of {@code userId} follow the user feed of {@code targetUserId}. */
  public void followUser(Object userId, Object targetUserId) {
    client.followMany(followRelations(userId, targetUserId), activityCopyLimit);
  }

  /** Makes the news feeds of a user follow another's user feed, copying at most the limit. */
  public void followUser(Object userId, Object targetUserId, int activityCopyLimit) {
    client.followMany(followRelations(userId, targetUserId), activityCopyLimit);
  }

  /**
   * Makes the news feeds of {@code userId} stop following the user feed of {@code targetUserId}.
   */
  public void unfollowUser(Object userId, Object targetUserId) {
    unfollowUser(userId, targetUserId, keepHistory);
  }

  /** Unfollows, keeping the copied activities in the news feeds when {@code keepHistory}. */
  public void unfollowUser(Object userId, Object targetUserId, boolean keepHistory) {
    List<UnfollowRelation> relations = new ArrayList<>();
    for (FollowRelation relation : followRelations(userId, targetUserId)) {
      relations.add(new UnfollowRelation(relation.source(), relation.target(), keepHistory));
    }
    client.unfollowMany(relations);
  }

  /** Returns the relations "each news feed of {@code userId} follows the target's user feed". */
  public List<FollowRelation> followRelations(Object userId, Object targetUserId) {
    String id = userIdOf(userId);
    FeedId target = FeedId.of(userFeedSlug, userIdOf(targetUserId));
    List<FollowRelation> relations = new ArrayList<>();
    for (String slug : newsFeedSlugs.values()) {
      relations.add(new FollowRelation(FeedId.of(slug, id), target));
    }
    return List.copyOf(relations);
  }

  /**
   * Returns the feed user id for a user given as id value, entity or reference string.
   *
   * @throws IllegalArgumentException if the result is not a valid feed user id ({@code [\w-]+})
   */
  public static String userIdOf(Object user) {
    Objects.requireNonNull(user, "user id");
    String id;
    if (user instanceof String text) {
      id = EntityReferences.parse(text).map(ParsedReference::id).orElse(text);
    } else if (EntityIntrospection.isEntity(user)) {
      id = String.valueOf(EntityIntrospection.identifier(user));
    } else {
      id = user.toString();
    }
    if (!SLUG.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "user id '" + id + "' must match [\\w-]+ to be used as a feed user id");
    }
    return id;
  }

  /** Builds a {@link FeedManager}; defaults are stream-django's. */
  public static final class Builder {
    private final StreamClient client;
    private String userFeedSlug = "user";
    private Map<String, String> newsFeedSlugs;
    private String notificationFeedSlug = "notification";
    private int activityCopyLimit = 300;
    private boolean keepHistory;

    private Builder(StreamClient client) {
      this.client = Objects.requireNonNull(client, "client");
      LinkedHashMap<String, String> defaults = new LinkedHashMap<>();
      defaults.put("timeline", "timeline");
      defaults.put("timeline_aggregated", "timeline_aggregated");
      this.newsFeedSlugs = defaults;
    }

    /** Sets the user feed slug ({@code user}). */
    public Builder userFeedSlug(String slug) {
      this.userFeedSlug = checkSlug("user feed slug", slug);
      return this;
    }

    /** Sets the news feeds as name → slug, in order; the first is {@link #newsFeed}'s. */
    public Builder newsFeedSlugs(Map<String, String> slugs) {
      if (slugs == null || slugs.isEmpty()) {
        throw new IllegalArgumentException("news feed slugs must name at least one feed");
      }
      LinkedHashMap<String, String> copy = new LinkedHashMap<>();
      slugs.forEach((name, slug) -> copy.put(name, checkSlug("news feed slug", slug)));
      this.newsFeedSlugs = copy;
      return this;
    }

    /** Sets the notification feed slug ({@code notification}). */
    public Builder notificationFeedSlug(String slug) {
      this.notificationFeedSlug = checkSlug("notification feed slug", slug);
      return this;
    }

    /** Sets how many existing activities a follow copies (300). */
    public Builder activityCopyLimit(int limit) {
      if (limit < 0 || limit > 1000) {
        throw new IllegalArgumentException(
            "activity copy limit " + limit + " must be between 0 and 1000");
      }
      this.activityCopyLimit = limit;
      return this;
    }

    /** Sets whether unfollowing keeps the copied activities (false). */
    public Builder keepHistory(boolean keepHistory) {
      this.keepHistory = keepHistory;
      return this;
    }

    /** Returns the feed manager. */
    public FeedManager build() {
      return new FeedManager(this);
    }

    private static String checkSlug(String what, String slug) {
      if (slug == null || !SLUG.matcher(slug).matches()) {
        throw new IllegalArgumentException(what + " '" + slug + "' must match [\\w-]+");
      }
      return slug;
    }
  }
}
