package io.github.streamjpa.jpa.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.EmulatorConfig;
import io.github.streamjpa.emulator.FeedGroupType;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.enrich.MissingReference.Reason;
import io.github.streamjpa.jpa.testing.TestClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feed pages read from the emulator and enriched from PostgreSQL, counting SQL statements: what a
 * controller sees.
 */
class FeedReaderTest {

  private static final int PINS = 250;

  @RegisterExtension static final EnrichmentDatabase db = new EnrichmentDatabase();
  private static StreamEmulator emulator;
  private static StreamClient client;
  private static FeedManager feeds;
  private static FeedReader reader;

  @BeforeAll
  static void setUp() {
    Pinboard.seed(db, PINS);
    emulator =
        StreamEmulator.start(
            EmulatorConfig.builder()
                // one group per actor: 100 activities of 40 users make 40 groups of 2 or 3
                .feedGroup("enr_aggregated", FeedGroupType.AGGREGATED, "{{ actor }}")
                .feedGroup("enr_notification", FeedGroupType.NOTIFICATION, "{{ actor }}")
                .build());
    client = TestClients.of(emulator);
    feeds = FeedManager.create(client);
    reader = FeedReader.of(Enricher.builder(db.sessionFactory()).fields("board").build(), feeds);
  }

  @AfterAll
  static void tearDown() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void flatPageOfHundredActivitiesTakesThreeStatementsWhateverItsSize() {
    Feed feed = client.feed("user", "flat-100");
    feed.addActivities(Pinboard.newActivities(1, 100));

    EnrichedPage<EnrichedActivity> ten = reader.activities(feed, 10, null);
    long forTen = db.preparedStatementCount();
    db.resetCounts();
    EnrichedPage<EnrichedActivity> hundred = reader.activities(feed, 100, null);

    assertThreeSelects();
    assertThat(forTen).isEqualTo(3);
    assertThat(ten.results()).hasSize(10);
    assertThat(hundred.results()).hasSize(100);
    assertThat(hundred.isFullyEnriched()).isTrue();
    List<Long> expected = LongStream.iterate(100, p -> p >= 1, p -> p - 1).boxed().toList();
    assertThat(hundred.results())
        .extracting(a -> a.object(EnrPin.class).getId())
        .containsExactlyElementsOf(expected);
    assertThat(hundred.results())
        .allSatisfy(
            a -> {
              long pin = a.object(EnrPin.class).getId();
              assertThat(a.actor(EnrUser.class).getId()).isEqualTo(Pinboard.actorOf(pin));
              assertThat(a.field("board", EnrBoard.class).getSlug())
                  .isEqualTo(Pinboard.boardOf(pin));
              assertThat(a.extra()).containsEntry("caption", "caption " + pin);
            });
    // 40 distinct users, each loaded once and shared by its activities
    Set<EnrUser> actors = Collections.newSetFromMap(new IdentityHashMap<>());
    hundred.results().forEach(a -> actors.add(a.actor(EnrUser.class)));
    assertThat(actors).hasSize(Pinboard.USERS);
  }

  @Test
  void aggregatedPageTakesThreeStatements() {
    Feed feed = client.feed("enr_aggregated", "agg-100");
    feed.addActivities(Pinboard.newActivities(1, 100));

    EnrichedPage<EnrichedGroup> page = reader.aggregated(feed, 40, null);

    assertThreeSelects();
    assertThat(page.results()).hasSize(40);
    assertThat(page.results()).flatExtracting(EnrichedGroup::activities).hasSize(100);
    assertThat(page.isFullyEnriched()).isTrue();
    assertThat(page.results())
        .allSatisfy(
            group -> {
              assertThat(group.activityCount()).isEqualTo(group.activities().size());
              assertThat(group.actorCount()).isEqualTo(1);
              assertThat(group.isSeen()).isNull();
              assertThat(group.activities())
                  .extracting(a -> a.actor(EnrUser.class))
                  .containsOnly(group.activities().get(0).actor(EnrUser.class));
            });
  }

  @Test
  void notificationPageTakesThreeStatementsAndKeepsSeenReadState() {
    Feed feed = client.feed("enr_notification", "notify-100");
    feed.addActivities(Pinboard.newActivities(1, 100));

    EnrichedPage<EnrichedGroup> page = reader.notifications(feed, 40, null);

    assertThreeSelects();
    assertThat(page.results()).hasSize(40);
    assertThat(page.results()).flatExtracting(EnrichedGroup::activities).hasSize(100);
    assertThat(page.unseen()).isEqualTo(40);
    assertThat(page.unread()).isEqualTo(40);
    assertThat(page.results()).allSatisfy(g -> assertThat(g.isSeen()).isFalse());
    assertThat(page.results()).allSatisfy(g -> assertThat(g.isRead()).isFalse());
    assertThat(page.isFullyEnriched()).isTrue();
  }

  @Test
  void pagingByCursorReturnsEachActivityOnceInOrder() {
    Feed feed = client.feed("user", "paging-250");
    feed.addActivities(Pinboard.newActivities(1, 100));
    feed.addActivities(Pinboard.newActivities(101, 200));
    feed.addActivities(Pinboard.newActivities(201, PINS));

    List<Long> seen = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      db.resetCounts();
      EnrichedPage<EnrichedActivity> page = reader.activities(feed, 25, cursor);
      assertThat(db.preparedStatementCount()).isEqualTo(3);
      for (EnrichedActivity activity : page.results()) {
        assertThat(ids.add(activity.id())).as("activity %s repeated", activity.id()).isTrue();
        seen.add(activity.object(EnrPin.class).getId());
      }
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 20);

    List<Long> expected = LongStream.iterate(PINS, p -> p >= 1, p -> p - 1).boxed().toList();
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(10);
  }

  @Test
  void pagingAnAggregatedFeedByGroupCursorReturnsEachGroupOnce() {
    Feed feed = client.feed("enr_aggregated", "agg-paging");
    feed.addActivities(Pinboard.newActivities(1, 100));

    List<String> groups = new ArrayList<>();
    int activities = 0;
    String cursor = null;
    int pages = 0;
    do {
      db.resetCounts();
      EnrichedPage<EnrichedGroup> page = reader.aggregated(feed, 15, cursor);
      assertThat(db.preparedStatementCount()).isEqualTo(3);
      for (EnrichedGroup group : page.results()) {
        groups.add(group.id());
        activities += group.activities().size();
      }
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(groups).hasSize(Pinboard.USERS).doesNotHaveDuplicates();
    assertThat(activities).isEqualTo(100);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void deletedRowsAreFlaggedAndDroppedFromAPageReadFromTheFeed() {
    db.inTransaction(
        em -> {
          em.persist(new EnrUser(2001L, "short-lived"));
          em.persist(new EnrPin(2001L, "short-lived pin", null));
        });
    Feed feed = client.feed("user", "deleted-rows");
    feed.addActivities(Pinboard.newActivities(1, 3));
    feed.addActivity(
        Pinboard.newActivity(4).toBuilder().actor("EnrUser:2001").foreignId("gone:1").build());
    feed.addActivity(
        Pinboard.newActivity(5).toBuilder().object("EnrPin:2001").foreignId("gone:2").build());
    db.inTransaction(
        em -> {
          em.remove(em.find(EnrUser.class, 2001L));
          em.remove(em.find(EnrPin.class, 2001L));
        });
    db.resetCounts();

    EnrichedPage<EnrichedActivity> page = reader.activities(feed, 25, null);

    assertThreeSelects();
    assertThat(page.results()).hasSize(5);
    assertThat(page.missingReferences())
        .extracting(MissingReference::field, MissingReference::reference, MissingReference::reason)
        .containsExactly(
            tuple("object", "EnrPin:2001", Reason.ROW_NOT_FOUND),
            tuple("actor", "EnrUser:2001", Reason.ROW_NOT_FOUND));
    assertThat(page.results().get(0).object()).isNull();
    assertThat(page.results().get(0).actor(EnrUser.class).getId()).isEqualTo(Pinboard.actorOf(5));
    assertThat(page.dropIncomplete().results())
        .extracting(a -> a.object(EnrPin.class).getId())
        .containsExactly(3L, 2L, 1L);
  }

  @Test
  void readsAUsersFeedsByTheFeedManagersNames() {
    feeds.userFeed(7L).addActivities(Pinboard.newActivities(1, 5));
    feeds.followUser(8L, 7L);
    feeds
        .notificationFeed(8L)
        .addActivity(Pinboard.newActivity(6).toBuilder().verb("mention").build());

    EnrichedPage<EnrichedActivity> own = reader.userFeed(7L, 10, null);
    EnrichedPage<EnrichedActivity> timeline = reader.timeline(8L, 10, null);
    EnrichedPage<EnrichedGroup> aggregated = reader.aggregatedTimeline(8L, 10, null);
    EnrichedPage<EnrichedGroup> notifications = reader.notificationFeed(8L, 10, null);

    assertThat(own.results())
        .extracting(a -> a.object(EnrPin.class).getId())
        .containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(timeline.results())
        .extracting(a -> a.object(EnrPin.class).getId())
        .containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(aggregated.results()).flatExtracting(EnrichedGroup::activities).hasSize(5);
    assertThat(aggregated.isFullyEnriched()).isTrue();
    assertThat(notifications.results())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.verb()).isEqualTo("mention");
              assertThat(g.activities().get(0).object(EnrPin.class).getId()).isEqualTo(6L);
            });
    assertThat(notifications.unseen()).isEqualTo(1);
  }

  @Test
  void rejectsBadLimitsAndCursorsBeforeReading() {
    Feed feed = client.feed("user", "bad-input");

    assertThatThrownBy(() -> reader.activities(feed, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page limit 0 must be between 1 and 100");
    assertThatThrownBy(() -> reader.activities(feed, 101, null))
        .hasMessage("page limit 101 must be between 1 and 100");
    assertThatThrownBy(() -> reader.activities(feed, 10, "x' or 1=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cursor 'x' or 1=1' must be an activity or group id"
                + " (1-500 characters, no spaces or controls)");
    assertThatThrownBy(() -> reader.activities(feed, 10, "a".repeat(501)))
        .hasMessageStartingWith("cursor '" + "a".repeat(60) + "...' must be");
    assertThatThrownBy(() -> FeedReader.of(reader.enricher()).timeline(1L, 10, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FeedReader.of(enricher, feedManager)");
  }

  private static void assertThreeSelects() {
    db.assertOneSelectFrom("enr_user", "enr_pin", "enr_board");
  }
}
