package io.github.streamjpa.jpa;

import io.github.streamjpa.core.FeedId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Implemented by an ordinary {@code @Entity} whose rows are activities in Stream; stream-jpa then
 * adds, updates and removes the activity after each committed transaction.
 *
 * <p>A minimal entity implements the actor and the time:
 *
 * <pre>{@code
 * @Entity
 * public class Pin implements Activity {
 *   @Id @GeneratedValue Long id;
 *   @ManyToOne User author;
 *   Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
 *
 *   public Object activityActor() { return author; }          // written as "User:42"
 *   public Instant activityTime() { return createdAt; }       // must never change
 * }
 * }</pre>
 *
 * <p>That activity is {@code {actor: "User:42", verb: "pin", object: "Pin:7", foreign_id: "Pin:7",
 * time: createdAt}} in the feed {@code user:42}. Values that are entities are written as references
 * {@code "<EntityName>:<id>"} (see {@link EntityReferences}); other values are written as they are.
 *
 * <p>When syncing, stream-jpa computes the defaults of {@link #activityVerb()}, {@link
 * #activityForeignId()} and {@link #activityFeed(FeedManager)} from the SessionFactory's metamodel
 * (so entities mapped in {@code orm.xml} and entity names set there work too) rather than calling
 * them; called directly, the defaults read the {@code @Entity} and {@code @Id} annotations.
 *
 * <p>Extra data must be plain JSON: strings, numbers, booleans, null, lists, arrays and maps, plus
 * {@code Instant}, {@code UUID}, enums, {@code FeedId} and entities (written as references). Other
 * objects (beans, threads), maps that contain themselves, values nested deeper than 32 levels and
 * keys that are named activity fields ({@code time}, {@code actor}, ...) fail the flush with a
 * {@link StreamSyncException} naming the entity and the field.
 *
 * <p>Updates are sent by foreign id and time, so {@link #activityTime()} must be stable: map it to
 * a column that is set once. An update that changes it fails the flush with an error naming the
 * entity.
 */
public interface Activity {

  /** The actor: an entity (written as its reference, e.g. {@code "User:42"}) or a string. */
  Object activityActor();

  /** The verb; by default the entity's simple class name lower-cased, e.g. {@code "pin"}. */
  default String activityVerb() {
    return EntityIntrospection.entityClass(this).getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** The object: an entity or a string; by default this entity, written as {@code "Pin:7"}. */
  default Object activityObject() {
    return this;
  }

  /** The optional target: an entity, a string or null (the default). */
  default Object activityTarget() {
    return null;
  }

  /** The activity time; required and stable (e.g. a {@code createdAt} column set once). */
  Instant activityTime();

  /** Custom fields of the activity; entity values are written as references. Empty by default. */
  default Map<String, Object> activityExtraData() {
    return Map.of();
  }

  /** Extra feeds the activity is also written to ({@code to}), e.g. a notification feed. */
  default List<FeedId> activityNotify() {
    return List.of();
  }

  /** The feed the activity is written to; by default the actor's user feed. */
  default FeedId activityFeed(FeedManager feeds) {
    return feeds.userFeed(activityActor()).id();
  }

  /** The foreign id; by default this entity's reference {@code "<EntityName>:<id>"}. */
  default String activityForeignId() {
    return EntityReferences.of(
        EntityIntrospection.entityName(this), EntityIntrospection.identifier(this));
  }

  /** Whether this instance syncs at all; true by default. Evaluated at every change. */
  default boolean activityShouldSync() {
    return true;
  }
}
