package io.github.streamjpa.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.TestClients;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** stream-django's feed conventions, against the emulator. */
class FeedManagerTest {

  private static StreamEmulator emulator;
  private static StreamClient client;

  @BeforeAll
  static void start() {
    emulator = StreamEmulator.start();
    client = TestClients.of(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void namesTheFeedsOfAUserByStreamDjangoConventions() {
    FeedManager feeds = FeedManager.create(client);
    assertThat(feeds.userFeed(42L).id()).isEqualTo(FeedId.of("user", "42"));
    assertThat(feeds.newsFeed(42L).id()).isEqualTo(FeedId.of("timeline", "42"));
    assertThat(feeds.newsFeeds(42L)).containsOnlyKeys("timeline", "timeline_aggregated");
    assertThat(feeds.notificationFeed(42L).id()).isEqualTo(FeedId.of("notification", "42"));
    assertThat(feeds.feedsOf(42L).keySet())
        .containsExactly("user", "timeline", "timeline_aggregated", "notification");
  }

  @Test
  void acceptsIdsEntitiesAndReferencesAsUsers() {
    FeedManager feeds = FeedManager.create(client);
    assertThat(feeds.userFeed(new User(7, "ann")).id().userId()).isEqualTo("7");
    assertThat(feeds.userFeed("User:8").id().userId()).isEqualTo("8");
    assertThat(feeds.userFeed("nine").id().userId()).isEqualTo("nine");
    assertThatThrownBy(() -> feeds.userFeed("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a b'")
        .hasMessageContaining("[\\w-]+");
  }

  @Test
  void customSlugsAreValidated() {
    FeedManager feeds =
        FeedManager.builder(client)
            .userFeedSlug("people")
            .newsFeedSlugs(Map.of("flat", "home"))
            .notificationFeedSlug("alerts")
            .build();
    assertThat(feeds.newsFeed(1).id()).isEqualTo(FeedId.of("home", "1"));
    assertThat(feeds.followRelations(1, 2))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.source()).isEqualTo(FeedId.of("home", "1"));
              assertThat(r.target()).isEqualTo(FeedId.of("people", "2"));
            });
    assertThatThrownBy(() -> FeedManager.builder(client).userFeedSlug("a:b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a:b'");
    assertThatThrownBy(() -> FeedManager.builder(client).activityCopyLimit(5000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5000");
  }

  @Test
  void followUserCopiesActivitiesIntoEveryNewsFeedAndUnfollowRemovesThem() {
    FeedManager feeds = FeedManager.create(client);
    feeds
        .userFeed(101)
        .addActivity(
            NewActivity.builder()
                .actor("User:101")
                .verb("pin")
                .object("Pin:1")
                .foreignId("Pin:1")
                .time(Instant.parse("2026-01-01T00:00:00Z"))
                .build());
    feeds.followUser(100, 101);
    assertThat(emulator.control().following("timeline", "100")).containsExactly("user:101");
    assertThat(emulator.control().following("timeline_aggregated", "100"))
        .containsExactly("user:101");
    assertThat(Feeds.foreignIds(emulator, FeedId.of("timeline", "100"))).containsExactly("Pin:1");

    feeds.unfollowUser(100, 101);
    assertThat(emulator.control().following("timeline", "100")).isEmpty();
    assertThat(Feeds.foreignIds(emulator, FeedId.of("timeline", "100"))).isEmpty();
  }

  @Test
  void unfollowCanKeepHistory() {
    FeedManager feeds = FeedManager.builder(client).keepHistory(true).build();
    feeds
        .userFeed(201)
        .addActivity(
            NewActivity.builder()
                .actor("User:201")
                .verb("pin")
                .object("Pin:2")
                .foreignId("Pin:2")
                .time(Instant.parse("2026-01-01T00:00:00Z"))
                .build());
    feeds.followUser(200, 201, 10);
    feeds.unfollowUser(200, 201);
    assertThat(emulator.control().following("timeline", "200")).isEmpty();
    assertThat(Feeds.foreignIds(emulator, FeedId.of("timeline", "200"))).containsExactly("Pin:2");
  }
}
