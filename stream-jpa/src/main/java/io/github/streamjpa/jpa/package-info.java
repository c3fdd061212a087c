/**
 * Keeps JPA/Hibernate entities in sync with Stream activity feeds, transaction-safe.
 *
 * <p>Entities implement {@link io.github.streamjpa.jpa.Activity} (or {@link
 * io.github.streamjpa.jpa.FollowRelationEntity}); a Hibernate integrator found on the class path
 * records every insert, update and delete in an outbox table inside the same transaction, and a
 * dispatcher per SessionFactory sends the rows to Stream after the commit, retrying through outages
 * and keeping the order per activity.
 *
 * <pre>{@code
 * @Entity
 * public class Pin implements Activity {
 *   @Id @GeneratedValue Long id;
 *   @ManyToOne User author;
 *   Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
 *
 *   public Object activityActor() { return author; }
 *   public Instant activityTime() { return createdAt; }
 * }
 *
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("app",
 *     Map.of(StreamJpaSettings.CLIENT, StreamClient.connect(key, secret)));
 * emf.runInTransaction(em -> em.persist(new Pin(author)));   // in user:<author id> after commit
 * OutboxStats stats = StreamJpa.of(emf).outbox().stats();
 * }</pre>
 *
 * <p>Settings are listed in {@link io.github.streamjpa.jpa.StreamJpaSettings}; feed conventions are
 * in {@link io.github.streamjpa.jpa.FeedManager}; the pause switch, the outbox ({@link
 * io.github.streamjpa.jpa.outbox}) and the backfill are reached through {@link
 * io.github.streamjpa.jpa.StreamJpa}.
 */
package io.github.streamjpa.jpa;
