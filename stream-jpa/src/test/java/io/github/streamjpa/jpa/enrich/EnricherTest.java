package io.github.streamjpa.jpa.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.core.ActivityGroup;
import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedPage;
import io.github.streamjpa.core.NotificationPage;
import io.github.streamjpa.jpa.enrich.MissingReference.Reason;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.hibernate.LazyInitializationException;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Enrichment of pages built in memory, on PostgreSQL, counting the SQL statements it runs. */
class EnricherTest {

  @RegisterExtension static final EnrichmentDatabase db = new EnrichmentDatabase();
  private static Enricher enricher;

  @BeforeAll
  static void setUp() {
    Pinboard.seed(db, 100);
    enricher = Enricher.builder(db.sessionFactory()).fields("board").build();
  }

  @Test
  void enrichesHundredActivitiesWithOneStatementPerEntityType() {
    List<FeedActivity> activities = Pinboard.activities(100);

    EnrichedPage<EnrichedActivity> page = enricher.enrichActivities(new FeedPage<>(activities, ""));

    assertThreeSelects();
    assertThat(page.results()).hasSize(100);
    assertThat(page.isFullyEnriched()).isTrue();
    for (int i = 0; i < 100; i++) {
      long pin = 100 - i;
      EnrichedActivity activity = page.results().get(i);
      assertThat(activity.id()).isEqualTo(activities.get(i).id());
      assertThat(activity.actor(EnrUser.class).getId()).isEqualTo(Pinboard.actorOf(pin));
      assertThat(activity.object(EnrPin.class).getCaption()).isEqualTo("pin " + pin);
      assertThat(activity.field("board", EnrBoard.class).getSlug())
          .isEqualTo(Pinboard.boardOf(pin));
      assertThat(activity.verb()).isEqualTo("pin");
      assertThat(activity.time()).isEqualTo(Pinboard.START.plusSeconds(pin));
      assertThat(activity.foreignId()).isEqualTo("EnrPin:" + pin);
      assertThat(activity.extra()).containsEntry("caption", "caption " + pin);
    }
  }

  @Test
  void statementCountDoesNotGrowWithPageSize() {
    enricher.enrichActivities(new FeedPage<>(Pinboard.activities(10), ""));
    long forTen = db.preparedStatementCount();
    db.resetCounts();
    enricher.enrichActivities(new FeedPage<>(Pinboard.activities(100), ""));
    long forHundred = db.preparedStatementCount();

    assertThat(forTen).isEqualTo(3);
    assertThat(forHundred).isEqualTo(3);
  }

  @Test
  void enrichesAggregatedGroupsWithOneStatementPerEntityType() {
    List<ActivityGroup> groups = groups(Pinboard.activities(100), null, null);

    EnrichedPage<EnrichedGroup> page =
        enricher.enrichGroups(new FeedPage<>(groups, "/api/v1.0/feed/x/1/?id_lt=g9&limit=10"));

    assertThreeSelects();
    assertThat(page.results()).hasSize(10);
    assertThat(page.nextCursor()).isEqualTo("g9");
    EnrichedGroup first = page.results().get(0);
    assertThat(first.id()).isEqualTo("g0");
    assertThat(first.activityCount()).isEqualTo(10);
    assertThat(first.isSeen()).isNull();
    assertThat(first.activities()).hasSize(10);
    assertThat(first.activities().get(0).object(EnrPin.class).getId()).isEqualTo(100L);
    assertThat(page.results().get(9).activities().get(9).actor(EnrUser.class).getId())
        .isEqualTo(Pinboard.actorOf(1));
  }

  @Test
  void enrichesNotificationPageKeepingSeenReadAndCounts() {
    List<ActivityGroup> groups = groups(Pinboard.activities(100), true, false);
    NotificationPage notifications = new NotificationPage(groups, "", 3, 7);

    EnrichedPage<EnrichedGroup> page = enricher.enrichNotifications(notifications);

    assertThreeSelects();
    assertThat(page.unseen()).isEqualTo(3);
    assertThat(page.unread()).isEqualTo(7);
    assertThat(page.hasNext()).isFalse();
    assertThat(page.results()).allSatisfy(g -> assertThat(g.isSeen()).isTrue());
    assertThat(page.results()).allSatisfy(g -> assertThat(g.isRead()).isFalse());
    assertThat(page.isFullyEnriched()).isTrue();
  }

  @Test
  void flagsDeletedRowsAndDropsTheirActivitiesOnRequest() {
    db.inTransaction(
        em -> {
          em.persist(new EnrUser(1001L, "leaving"));
          em.persist(new EnrPin(1001L, "deleted pin", null));
        });
    db.inTransaction(
        em -> {
          em.remove(em.find(EnrUser.class, 1001L));
          em.remove(em.find(EnrPin.class, 1001L));
        });
    List<FeedActivity> activities = new ArrayList<>(Pinboard.activities(4));
    activities.add(1, activity("a-user-gone", "EnrUser:1001", "EnrPin:2", null));
    activities.add(3, activity("a-pin-gone", "EnrUser:2", "EnrPin:1001", null));
    db.resetCounts();

    EnrichedPage<EnrichedActivity> page = enricher.enrichActivities(new FeedPage<>(activities, ""));

    assertThreeSelects();
    assertThat(page.results()).hasSize(6);
    EnrichedActivity userGone = page.results().get(1);
    assertThat(userGone.isFullyEnriched()).isFalse();
    assertThat(userGone.actor()).isNull();
    assertThat(userGone.object(EnrPin.class).getId()).isEqualTo(2L);
    assertThat(userGone.missingReferences())
        .containsExactly(
            new MissingReference("a-user-gone", "actor", "EnrUser:1001", Reason.ROW_NOT_FOUND));
    assertThat(page.results().get(3).missingReferences())
        .containsExactly(
            new MissingReference("a-pin-gone", "object", "EnrPin:1001", Reason.ROW_NOT_FOUND));
    assertThat(page.missingReferences()).hasSize(2);

    EnrichedPage<EnrichedActivity> complete = page.dropIncomplete();
    assertThat(complete.results())
        .extracting(EnrichedActivity::id)
        .containsExactly(
            activities.get(0).id(),
            activities.get(2).id(),
            activities.get(4).id(),
            activities.get(5).id());
    assertThat(complete.isFullyEnriched()).isTrue();
  }

  @Test
  void resolvesLongUuidAndStringIds() {
    UUID topicId = UUID.randomUUID();
    db.inTransaction(em -> em.persist(new EnrTopic(topicId, "travel")));
    FeedActivity activity =
        activity("ids", "EnrUser:7", "EnrPin:8", "Topic:" + topicId, "EnrBoard:board-3");
    db.resetCounts();

    EnrichedActivity enriched = enricher.enrich(List.of(activity)).get(0);

    assertThat(enriched.isFullyEnriched()).isTrue();
    assertThat(enriched.actor(EnrUser.class).getId()).isEqualTo(7L);
    assertThat(enriched.object(EnrPin.class).getId()).isEqualTo(8L);
    assertThat(enriched.target(EnrTopic.class).getLabel()).isEqualTo("travel");
    assertThat(enriched.field("board", EnrBoard.class).getTitle()).isEqualTo("Board 3");
    assertThat(db.preparedStatementCount()).isEqualTo(4);
  }

  @Test
  void flagsUnknownEntityNamesAndUnconvertibleIdsWithoutFailing() {
    FeedActivity odd =
        activity("odd", "Nobody:1", "EnrPin:not-a-number", "EnrMembership:1/x", "EnrBoard:board-1");
    FeedActivity badUuid = activity("bad-uuid", "EnrUser:1", "EnrPin:042", "Topic:123");

    List<EnrichedActivity> enriched = enricher.enrich(List.of(odd, badUuid));

    assertThat(enriched.get(0).missingReferences())
        .containsExactly(
            new MissingReference("odd", "actor", "Nobody:1", Reason.UNKNOWN_ENTITY),
            new MissingReference("odd", "object", "EnrPin:not-a-number", Reason.INVALID_ID),
            new MissingReference("odd", "target", "EnrMembership:1/x", Reason.UNSUPPORTED_ID_TYPE));
    assertThat(enriched.get(0).field("board", EnrBoard.class).getSlug()).isEqualTo("board-1");
    // ids must be in the form the write path produces: "042" is not Long 42's
    assertThat(enriched.get(1).missingReferences())
        .containsExactly(
            new MissingReference("bad-uuid", "object", "EnrPin:042", Reason.INVALID_ID),
            new MissingReference("bad-uuid", "target", "Topic:123", Reason.INVALID_ID));
    assertThat(enriched.get(1).actor(EnrUser.class).getId()).isEqualTo(1L);
    assertThat(db.preparedStatementCount()).isEqualTo(2);
  }

  @Test
  void pageWithNothingLoadableOpensNoSession() {
    FeedActivity unknown = activity("unknown", "Nobody:1", "Nothing:2", null);

    EnrichedActivity enriched = enricher.enrich(List.of(unknown)).get(0);

    assertThat(enriched.missingReferences()).hasSize(2);
    assertThat(db.sessionsOpened()).isZero();
    assertThat(db.statements()).isEmpty();
  }

  @Test
  void passesNonReferenceValuesThroughUnchanged() {
    FeedActivity activity =
        new FeedActivity(
            "plain",
            "system",
            "announce",
            "12:30",
            "http://example.com/x",
            Instant.parse("2026-11-02T00:00:00Z"),
            null,
            List.of(),
            null,
            Map.of("board", 42, "note", "EnrUser:1"));

    EnrichedActivity enriched = enricher.enrich(List.of(activity)).get(0);

    assertThat(enriched.actor(String.class)).isEqualTo("system");
    assertThat(enriched.object()).isEqualTo("12:30");
    assertThat(enriched.target()).isEqualTo("http://example.com/x");
    assertThat(enriched.field("board", Integer.class)).isEqualTo(42);
    // "note" was not named for enrichment: its reference stays a string
    assertThat(enriched.field("note", String.class)).isEqualTo("EnrUser:1");
    assertThat(enriched.isFullyEnriched()).isTrue();
    assertThat(db.statements()).isEmpty();
    assertThat(db.sessionsOpened()).isZero();
  }

  @Test
  void referencesAlreadyManagedByTheCallerCostNoStatement() {
    try (EntityManager em = db.sessionFactory().createEntityManager()) {
      em.getTransaction().begin();
      List<EnrUser> users =
          em.createQuery("from EnrUser", EnrUser.class).getResultList(); // all 40 users managed
      List<EnrBoard> boards = em.createQuery("from EnrBoard", EnrBoard.class).getResultList();
      db.resetCounts();

      EnrichedPage<EnrichedActivity> page =
          enricher.enrichActivities(new FeedPage<>(Pinboard.activities(100), ""), em);

      assertThat(db.preparedStatementCount()).isEqualTo(1);
      assertThat(db.statements())
          .singleElement()
          .asString()
          .containsPattern("from \\S*\\benr_pin ");
      EnrichedActivity first = page.results().get(0);
      assertThat(users).containsOnlyOnce(first.actor(EnrUser.class));
      assertThat(boards).contains(first.field("board", EnrBoard.class));
      assertThat(em.contains(first.object(EnrPin.class))).isTrue();
      em.getTransaction().rollback();
    }
  }

  @Test
  void usesTheCurrentEntityManagerWhenTheSupplierFindsOne() {
    try (EntityManager em = db.sessionFactory().createEntityManager()) {
      em.getTransaction().begin();
      Enricher bound = enricher.newBuilder().currentEntityManager(() -> em).build();

      EnrichedActivity enriched =
          bound.enrichActivities(new FeedPage<>(Pinboard.activities(1), "")).results().get(0);

      assertThat(em.contains(enriched.actor(EnrUser.class))).isTrue();
      assertThat(bound.fields()).containsExactly("board");
      em.getTransaction().rollback();
    }
  }

  @Test
  void ownContextLoadsReadOnlyAndDetachesBeforeReturning() {
    EnrichedActivity enriched =
        enricher.enrichActivities(new FeedPage<>(Pinboard.activities(1), "")).results().get(0);

    EnrUser actor = enriched.actor(EnrUser.class);
    assertThat(actor.getName()).isEqualTo("user " + Pinboard.actorOf(1));
    try (Session session = db.sessionFactory().openSession()) {
      assertThat(session.contains(actor)).isFalse();
    }
    assertThat(db.statements()).allSatisfy(sql -> assertThat(sql).startsWith("select"));
  }

  @Test
  void fetchGraphInitializesAssociationsOfDetachedResultsInTheSameQuery() {
    FeedPage<FeedActivity> page = new FeedPage<>(Pinboard.activities(20), "");
    Enricher withoutBoards = Enricher.builder(db.sessionFactory()).build();
    Enricher withGraph =
        Enricher.builder(db.sessionFactory()).fetchGraph(EnrPin.class, "EnrPin.board").build();

    EnrPin lazy = withoutBoards.enrichActivities(page).results().get(0).object(EnrPin.class);
    db.resetCounts();
    EnrPin fetched = withGraph.enrichActivities(page).results().get(0).object(EnrPin.class);

    assertThat(db.preparedStatementCount()).as("statements: %s", db.statements()).isEqualTo(2);
    assertThat(db.statements())
        .anySatisfy(sql -> assertThat(sql).containsPattern("from \\S*\\benr_pin .*join"));
    assertThat(fetched.getBoard().getTitle()).isEqualTo("Board 0");
    assertThatThrownBy(() -> lazy.getBoard().getTitle())
        .isInstanceOf(LazyInitializationException.class);
    assertThatThrownBy(() -> Enricher.builder(db.sessionFactory()).fetchGraph(EnrPin.class, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "entity graph 'x' is not defined for "
                + EnrPin.class.getName()
                + " (defined: [EnrPin.board])");
  }

  @Test
  void oneEnricherServesConcurrentRequests() throws Exception {
    FeedPage<FeedActivity> page = new FeedPage<>(Pinboard.activities(100), "");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<EnrichedPage<EnrichedActivity>>> pages = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        pages.add(pool.submit(() -> enricher.enrichActivities(page)));
      }
      for (Future<EnrichedPage<EnrichedActivity>> future : pages) {
        EnrichedPage<EnrichedActivity> enriched = future.get(60, TimeUnit.SECONDS);
        assertThat(enriched.isFullyEnriched()).isTrue();
        assertThat(enriched.results())
            .extracting(a -> a.object(EnrPin.class).getId())
            .containsExactlyElementsOf(
                LongStream.iterate(100, p -> p >= 1, p -> p - 1).boxed().toList());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.preparedStatementCount()).isEqualTo(12 * 3);
  }

  @Test
  void rejectsClosedEntityManagerAndBadFieldNames() {
    EntityManager em = db.sessionFactory().createEntityManager();
    em.close();
    FeedPage<FeedActivity> page = new FeedPage<>(Pinboard.activities(1), "");

    assertThatThrownBy(() -> enricher.enrichActivities(page, em))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> Enricher.builder(db.sessionFactory()).fields("bo ard"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("enrichment field 'bo ard' must match [A-Za-z_][A-Za-z0-9_]*");
  }

  private static void assertThreeSelects() {
    db.assertOneSelectFrom("enr_user", "enr_pin", "enr_board");
  }

  /** Splits activities into groups of ten, ids g0, g1, ... */
  private static List<ActivityGroup> groups(
      List<FeedActivity> activities, Boolean seen, Boolean read) {
    List<ActivityGroup> groups = new ArrayList<>();
    for (int g = 0; g * 10 < activities.size(); g++) {
      List<FeedActivity> members =
          activities.subList(g * 10, Math.min(activities.size(), g * 10 + 10));
      groups.add(
          new ActivityGroup(
              "g" + g,
              "pin_" + g,
              "pin",
              members.size(),
              members.size(),
              members.get(members.size() - 1).time(),
              members.get(0).time(),
              seen,
              read,
              members));
    }
    return groups;
  }

  private static FeedActivity activity(String id, String actor, String object, String target) {
    return activity(id, actor, object, target, null);
  }

  private static FeedActivity activity(
      String id, String actor, String object, String target, String board) {
    return new FeedActivity(
        id,
        actor,
        "pin",
        object,
        target,
        Instant.parse("2026-11-02T00:00:00Z"),
        null,
        List.of(),
        null,
        board == null ? Map.of() : Map.of("board", board));
  }
}
