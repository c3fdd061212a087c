package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.enrich.EnrichedActivity;
import io.github.streamjpa.jpa.enrich.EnrichedPage;
import io.github.streamjpa.jpa.enrich.Enricher;
import io.github.streamjpa.jpa.enrich.FeedReader;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.JpaFixture;
import io.github.streamjpa.jpa.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * An entity mapped only in orm.xml, under an entity name that is not its class name: the write path
 * names it as the read path resolves it, both from the metamodel.
 */
class OrmXmlMappedActivityTest {

  @Test
  void writePathNamesItAsTheReadPathResolvesIt() {
    try (StreamEmulator emulator = StreamEmulator.start();
        JpaFixture fixture = new JpaFixture("orm_xml")) {
      StreamClient client = TestClients.of(emulator);
      try (SessionFactory factory =
          fixture
              .configure("create", Map.of(StreamJpaSettings.CLIENT, client))
              .mappingFile("io/github/streamjpa/jpa/outbox/memo-orm.xml")
              .createEntityManagerFactory()) {
        factory.inTransaction(
            s -> {
              User alice = new User(1, "alice");
              s.persist(alice);
              s.persist(new Memo(7, alice, "first"));
            });
        factory.inTransaction(
            s ->
                s.persist(
                    new Memo(8, s.getReference(User.class, 1L), "second")
                        .replyingTo(s.getReference(Memo.class, 7L))));
        Feeds.awaitDrained(factory, Duration.ofSeconds(60));
        assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();

        List<Map<String, Object>> written = emulator.control().feedActivities("user", "1");
        assertThat(written).hasSize(2);
        assertThat(written.get(0))
            .containsEntry("foreign_id", "Note:8")
            .containsEntry("object", "Note:8")
            .containsEntry("actor", "User:1")
            .containsEntry("verb", "memo")
            .containsEntry("target", "Note:7")
            .containsEntry("about", "Note:7");
        assertThat(written.get(1)).containsEntry("foreign_id", "Note:7");

        FeedManager feeds = StreamJpa.of(factory).feedManager();
        EnrichedPage<EnrichedActivity> page =
            FeedReader.of(Enricher.builder(factory).fields("about").build(), feeds)
                .userFeed(1, 10, null);
        assertThat(page.isFullyEnriched()).isTrue();
        EnrichedActivity reply = page.results().get(0);
        assertThat(reply.object(Memo.class).getText()).isEqualTo("second");
        assertThat(reply.target(Memo.class).getId()).isEqualTo(7L);
        assertThat(reply.field("about", Memo.class).getText()).isEqualTo("first");
        assertThat(reply.actor(User.class).getId()).isEqualTo(1L);
        assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1")))
            .containsExactly("Note:8", "Note:7");
      }
    }
  }
}
