package io.github.streamjpa.jpa.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read path over what the write path wrote: {@link EnrPost} entities synced to the emulator by
 * stream-jpa's outbox come back from a follower's timeline as entities again.
 */
class SyncedActivityEnrichmentTest {

  private static final long FOLLOWER = 500;
  private static final int AUTHORS = 10;
  private static final int POSTS = 30;

  private static StreamEmulator emulator;
  private static StreamClient client;
  private static EnrichmentDatabase writer;
  private static EnrichmentDatabase reader;

  @BeforeAll
  static void setUp() {
    emulator = StreamEmulator.start();
    client = TestClients.of(emulator);
    writer = EnrichmentDatabase.syncingTo(client);
    reader = writer.readerOnSameSchema();
  }

  @AfterAll
  static void tearDown() {
    if (reader != null) {
      reader.close();
    }
    if (writer != null) {
      writer.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void timelineOfSyncedPostsEnrichesToTheSameEntitiesWithOneStatementPerType() {
    FeedManager feeds = FeedManager.create(client);
    for (long author = 1; author <= AUTHORS; author++) {
      feeds.followUser(FOLLOWER, author);
    }
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
    Map<UUID, long[]> written = new HashMap<>(); // post id -> {author, board}
    writer.inTransaction(
        em -> {
          List<EnrBoard> boards = new ArrayList<>();
          for (int b = 0; b < 3; b++) {
            EnrBoard board = new EnrBoard("synced-" + b, "Synced " + b);
            em.persist(board);
            boards.add(board);
          }
          List<EnrUser> authors = new ArrayList<>();
          for (long a = 1; a <= AUTHORS; a++) {
            EnrUser author = new EnrUser(a, "author " + a);
            em.persist(author);
            authors.add(author);
          }
          for (int p = 0; p < POSTS; p++) {
            EnrPost post =
                new EnrPost(
                    authors.get(p % AUTHORS), boards.get(p % 3), "post " + p, start.plusSeconds(p));
            em.persist(post);
            written.put(post.getId(), new long[] {p % AUTHORS + 1, p % 3});
          }
        });
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                feeds.newsFeed(FOLLOWER).getActivities(ReadOptions.limit(100)).results().size()
                    == POSTS);
    Enricher enricher = Enricher.builder(reader.sessionFactory()).fields("board").build();
    reader.resetCounts();

    EnrichedPage<EnrichedActivity> page =
        FeedReader.of(enricher, feeds).timeline(FOLLOWER, 50, null);

    reader.assertOneSelectFrom("enr_user", "enr_post", "enr_board");
    assertThat(page.results()).hasSize(POSTS);
    assertThat(page.isFullyEnriched()).isTrue();
    List<String> texts = new ArrayList<>();
    for (EnrichedActivity activity : page.results()) {
      EnrPost post = activity.object(EnrPost.class);
      long[] expected = written.get(post.getId());
      assertThat(activity.actor(EnrUser.class).getId()).isEqualTo(expected[0]);
      assertThat(activity.field("board", EnrBoard.class).getSlug())
          .isEqualTo("synced-" + expected[1]);
      assertThat(activity.foreignId()).isEqualTo("EnrPost:" + post.getId());
      assertThat(activity.extra()).containsEntry("text", post.getText());
      texts.add(post.getText());
    }
    List<String> newestFirst = new ArrayList<>();
    for (int p = POSTS - 1; p >= 0; p--) {
      newestFirst.add("post " + p);
    }
    assertThat(texts).containsExactlyElementsOf(newestFirst);
  }
}
