package io.github.streamjpa.jpa.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedPage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.stat.EntityStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Enrichment with Hibernate's second-level cache on, on PostgreSQL: references to cached entity
 * types are served from the cache without a statement, uncached types still cost one statement
 * each.
 */
class SecondLevelCacheEnrichmentTest {

  private static final int USERS = 40;
  private static final int BOARDS = 10;
  private static final int PINS = 100;
  private static final int TOPICS = 5;
  private static final List<UUID> TOPIC_IDS = new ArrayList<>();

  @RegisterExtension static final EnrichmentDatabase db = EnrichmentDatabase.withSecondLevelCache();

  private static Enricher enricher;

  @BeforeAll
  static void seed() {
    for (int t = 0; t < TOPICS; t++) {
      TOPIC_IDS.add(UUID.randomUUID());
    }
    db.inTransaction(
        em -> {
          for (long u = 1; u <= USERS; u++) {
            em.persist(new EnrCachedUser(u, "cached user " + u));
          }
          for (int b = 0; b < BOARDS; b++) {
            em.persist(new EnrCachedBoard("cached-board-" + b, "Cached board " + b));
          }
          for (long p = 1; p <= PINS; p++) {
            em.persist(new EnrPin(p, "pin " + p, null));
          }
          for (int t = 0; t < TOPICS; t++) {
            em.persist(new EnrTopic(TOPIC_IDS.get(t), "topic " + t));
          }
        });
    enricher = Enricher.builder(db.sessionFactory()).fields("board").build();
  }

  @BeforeEach
  void startCold() {
    // the seeding transaction may have put the new rows in the cache: each test warms it itself
    db.sessionFactory().getCache().evictAllRegions();
    db.resetCounts();
  }

  @Test
  void cachedEntityTypesCostNoStatementOnceTheCacheIsWarm() {
    FeedPage<FeedActivity> page = new FeedPage<>(activities(), "");
    enricher.enrichActivities(page); // cold: one statement per type, and fills the cache
    long coldStatements = db.preparedStatementCount();
    long puts = db.sessionFactory().getStatistics().getSecondLevelCachePutCount();
    db.resetCounts();

    EnrichedPage<EnrichedActivity> warm = enricher.enrichActivities(page); // a fresh session

    assertThat(coldStatements).as("cold statements").isEqualTo(4);
    assertThat(puts).as("entities put in the cache").isEqualTo(USERS + BOARDS);
    db.assertOneSelectFrom("enr_pin", "enr_topic");
    assertThat(cacheStatistics(EnrCachedUser.class).getCacheHitCount()).isEqualTo(USERS);
    assertThat(cacheStatistics(EnrCachedBoard.class).getCacheHitCount()).isEqualTo(BOARDS);
    assertThat(db.sessionFactory().getStatistics().getSecondLevelCacheMissCount()).isZero();
    assertThat(warm.isFullyEnriched()).isTrue();
    for (int i = 0; i < PINS; i++) {
      long pin = PINS - i;
      EnrichedActivity activity = warm.results().get(i);
      assertThat(activity.actor(EnrCachedUser.class).getName())
          .isEqualTo("cached user " + actorOf(pin));
      assertThat(activity.object(EnrPin.class).getCaption()).isEqualTo("pin " + pin);
      assertThat(activity.target(EnrTopic.class).getId()).isEqualTo(topicOf(pin));
      assertThat(activity.field("board", EnrCachedBoard.class).getTitle())
          .isEqualTo("Cached board " + pin % BOARDS);
    }
  }

  @Test
  void partlyCachedTypeLoadsOnlyItsMissesInOneStatement() {
    FeedPage<FeedActivity> page = new FeedPage<>(activities(), "");
    enricher.enrichActivities(page);
    for (long u = 1; u <= 15; u++) {
      db.sessionFactory().getCache().evictEntityData(EnrCachedUser.class, u);
    }
    db.resetCounts();

    EnrichedPage<EnrichedActivity> enriched = enricher.enrichActivities(page);

    db.assertOneSelectFrom("enr_cached_user", "enr_pin", "enr_topic");
    EntityStatistics users = cacheStatistics(EnrCachedUser.class);
    assertThat(users.getCacheHitCount()).isEqualTo(USERS - 15);
    assertThat(users.getCacheMissCount()).isEqualTo(15);
    assertThat(users.getCachePutCount()).isEqualTo(15);
    assertThat(cacheStatistics(EnrCachedBoard.class).getCacheHitCount()).isEqualTo(BOARDS);
    assertThat(enriched.isFullyEnriched()).isTrue();
    assertThat(enriched.results())
        .extracting(a -> a.actor(EnrCachedUser.class).getId())
        .containsExactlyElementsOf(
            activities().stream()
                .map(a -> Long.valueOf(a.actor().substring("EnrCachedUser:".length())))
                .toList());
  }

  @Test
  void callersPersistenceContextAlsoReadsFromTheCache() {
    FeedPage<FeedActivity> page = new FeedPage<>(activities(), "");
    enricher.enrichActivities(page);
    db.resetCounts();

    try (EntityManager em = db.sessionFactory().createEntityManager()) {
      em.getTransaction().begin();
      try {
        EnrichedPage<EnrichedActivity> enriched = enricher.enrichActivities(page, em);

        db.assertOneSelectFrom("enr_pin", "enr_topic");
        assertThat(cacheStatistics(EnrCachedUser.class).getCacheHitCount()).isEqualTo(USERS);
        EnrCachedUser actor = enriched.results().get(0).actor(EnrCachedUser.class);
        assertThat(em.contains(actor)).isTrue();
      } finally {
        // never leave the transaction open: the schema drop after all would wait for it
        em.getTransaction().rollback();
      }
    }
  }

  private static EntityStatistics cacheStatistics(Class<?> entity) {
    return db.sessionFactory().getStatistics().getEntityStatistics(entity.getName());
  }

  private static long actorOf(long pin) {
    return pin % USERS + 1;
  }

  private static UUID topicOf(long pin) {
    return TOPIC_IDS.get((int) (pin % TOPICS));
  }

  /** Activities for pins 100..1: a cached actor and board, an uncached object and target. */
  private static List<FeedActivity> activities() {
    List<FeedActivity> activities = new ArrayList<>();
    for (long pin = PINS; pin >= 1; pin--) {
      activities.add(
          new FeedActivity(
              "cached-" + pin,
              "EnrCachedUser:" + actorOf(pin),
              "pin",
              "EnrPin:" + pin,
              "Topic:" + topicOf(pin),
              Instant.parse("2026-11-01T10:00:00Z").plusSeconds(pin),
              null,
              List.of(),
              null,
              Map.of("board", "EnrCachedBoard:cached-board-" + pin % BOARDS)));
    }
    return activities;
  }
}
