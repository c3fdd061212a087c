package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.core.ActivityGroup;
import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedPage;
import io.github.streamjpa.core.NotificationPage;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;

/**
 * Resolves the entity references of a feed page ({@code "User:42"}) to entities, loading all
 * references of the page with one query per entity type.
 *
 * <pre>{@code
 * Enricher enricher = Enricher.builder(entityManagerFactory).fields("board").build();
 * FeedPage<FeedActivity> read = client.feed("timeline", "42").getActivities(ReadOptions.limit(25));
 * EnrichedPage<EnrichedActivity> page = enricher.enrichActivities(read);
 * for (EnrichedActivity activity : page.results()) {
 *   User user = activity.actor(User.class);
 *   Pin pin = activity.object(Pin.class);
 *   Board board = activity.field("board", Board.class);
 * }
 * }</pre>
 *
 * <p>{@code actor}, {@code object} and {@code target} are always enriched, custom fields when named
 * in {@link Builder#fields(String...)}. Entity names are resolved through the metamodel and ids
 * converted to the entity's id type ({@code String}, {@code Long}, {@code Integer}, {@code Short},
 * {@code Byte}, {@code BigInteger}, {@code BigDecimal}, {@code UUID}). A reference whose row is
 * gone or whose entity name is unknown does not fail the page: the activity lists it in {@link
 * EnrichedActivity#missingReferences()}.
 *
 * <p>Loading runs in the caller's persistence context when one is passed (or found by {@link
 * Builder#currentEntityManager(Supplier)}): entities already managed there cost no query and the
 * results are managed instances. Otherwise it runs in a read-only session and transaction of its
 * own, closed before returning, so the results are detached: initialize what a view needs by naming
 * those references as fields or loading with an entity graph ({@link Builder#fetchGraph}) rather
 * than navigating lazy associations. Immutable and thread-safe.
 */
public final class Enricher {

  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final SessionFactory sessionFactory;
  private final EntityCatalog catalog;
  private final List<String> fields;
  private final Supplier<EntityManager> currentEntityManager;
  private final Map<Class<?>, EntityGraph<?>> fetchGraphs;
  private final ReferenceResolver resolver;
  private final PersistenceContexts contexts;

  private Enricher(Builder builder) {
    this.sessionFactory = builder.sessionFactory;
    this.catalog = builder.catalog;
    this.fields = List.copyOf(builder.fields);
    this.currentEntityManager = builder.currentEntityManager;
    this.fetchGraphs = Map.copyOf(builder.fetchGraphs);
    this.resolver = new ReferenceResolver(catalog, fields);
    this.contexts = new PersistenceContexts(sessionFactory, currentEntityManager, fetchGraphs);
  }

  /** Returns a builder for an enricher loading through this factory (a Hibernate one). */
  public static Builder builder(EntityManagerFactory entityManagerFactory) {
    Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
    SessionFactory sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
    return new Builder(sessionFactory, new EntityCatalog(sessionFactory.getMetamodel()));
  }

  /** Returns a builder starting from this enricher's settings, sharing its metamodel lookup. */
  public Builder newBuilder() {
    Builder builder = new Builder(sessionFactory, catalog);
    builder.fields.addAll(fields);
    builder.currentEntityManager = currentEntityManager;
    builder.fetchGraphs.putAll(fetchGraphs);
    return builder;
  }

  /** Returns the custom fields enriched besides actor, object and target. */
  public List<String> fields() {
    return fields;
  }

  /** Enriches a flat feed page, loading in the current or a read-only persistence context. */
  public EnrichedPage<EnrichedActivity> enrichActivities(FeedPage<FeedActivity> page) {
    return enrichActivities(page, null);
  }

  /**
   * Enriches a flat feed page, loading in {@code entityManager}'s persistence context (null: as
   * {@link #enrichActivities(FeedPage)}).
   */
  public EnrichedPage<EnrichedActivity> enrichActivities(
      FeedPage<FeedActivity> page, EntityManager entityManager) {
    Objects.requireNonNull(page, "page");
    List<EnrichedActivity> results = enrich(page.results(), entityManager);
    return new EnrichedPage<>(results, page.nextIdLt().orElse(null), null, null);
  }

  /** Enriches an aggregated feed page, loading in the current or a read-only context. */
  public EnrichedPage<EnrichedGroup> enrichGroups(FeedPage<ActivityGroup> page) {
    return enrichGroups(page, null);
  }

  /** Enriches an aggregated feed page, loading in {@code entityManager}'s context. */
  public EnrichedPage<EnrichedGroup> enrichGroups(
      FeedPage<ActivityGroup> page, EntityManager entityManager) {
    Objects.requireNonNull(page, "page");
    List<EnrichedGroup> groups = enrichAll(page.results(), entityManager);
    return new EnrichedPage<>(groups, page.nextIdLt().orElse(null), null, null);
  }

  /** Enriches a notification feed page, loading in the current or a read-only context. */
  public EnrichedPage<EnrichedGroup> enrichNotifications(NotificationPage page) {
    return enrichNotifications(page, null);
  }

  /** Enriches a notification feed page, loading in {@code entityManager}'s context. */
  public EnrichedPage<EnrichedGroup> enrichNotifications(
      NotificationPage page, EntityManager entityManager) {
    Objects.requireNonNull(page, "page");
    List<EnrichedGroup> groups = enrichAll(page.results(), entityManager);
    return new EnrichedPage<>(groups, page.nextIdLt().orElse(null), page.unseen(), page.unread());
  }

  /** Enriches activities (e.g. read by id), loading in the current or a read-only context. */
  public List<EnrichedActivity> enrich(List<FeedActivity> activities) {
    return enrich(activities, null);
  }

  /**
   * Enriches activities, loading in {@code entityManager}'s context (null: the current or ours).
   */
  public List<EnrichedActivity> enrich(List<FeedActivity> activities, EntityManager entityManager) {
    Objects.requireNonNull(activities, "activities");
    return resolveThen(activities, entityManager, r -> activities.stream().map(r::enrich).toList());
  }

  private List<EnrichedGroup> enrichAll(List<ActivityGroup> groups, EntityManager entityManager) {
    List<FeedActivity> all = new ArrayList<>();
    groups.forEach(group -> all.addAll(group.activities()));
    return resolveThen(
        all,
        entityManager,
        resolution ->
            groups.stream()
                .map(
                    g ->
                        new EnrichedGroup(
                            g.id(),
                            g.group(),
                            g.verb(),
                            g.activityCount(),
                            g.actorCount(),
                            g.createdAt(),
                            g.updatedAt(),
                            g.isSeen(),
                            g.isRead(),
                            g.activities().stream().map(resolution::enrich).toList()))
                .toList());
  }

  private <R> R resolveThen(
      List<FeedActivity> activities,
      EntityManager entityManager,
      Function<ReferenceResolver.Resolution, R> build) {
    Map<EntityCatalog.Target, List<Object>> plan = resolver.plan(activities);
    // nothing loadable (no references, or only unknown ones): no session, no connection
    ReferenceResolver.Resolution resolution =
        plan.isEmpty()
            ? resolver.load(plan, (type, ids) -> List.of())
            : contexts.run(entityManager, loader -> resolver.load(plan, loader));
    return build.apply(resolution);
  }

  /** Builds an {@link Enricher}. */
  public static final class Builder {
    private final SessionFactory sessionFactory;
    private final EntityCatalog catalog;
    private final Set<String> fields = new LinkedHashSet<>();
    private Supplier<EntityManager> currentEntityManager;
    private final Map<Class<?>, EntityGraph<?>> fetchGraphs = new HashMap<>();

    private Builder(SessionFactory sessionFactory, EntityCatalog catalog) {
      this.sessionFactory = sessionFactory;
      this.catalog = catalog;
    }

    /**
     * Adds custom fields (top-level keys of the activity's extra data) whose reference values are
     * resolved, e.g. {@code "board"}; {@code actor}, {@code object} and {@code target} always are.
     *
     * @throws IllegalArgumentException if a name does not match {@code [A-Za-z_][A-Za-z0-9_]*}
     */
    public Builder fields(String... names) {
      Objects.requireNonNull(names, "names");
      for (String name : names) {
        if (name == null || !FIELD.matcher(name).matches()) {
          throw new IllegalArgumentException(
              "enrichment field '" + name + "' must match [A-Za-z_][A-Za-z0-9_]*");
        }
        if (!List.of(ReferenceResolver.ACTOR, ReferenceResolver.OBJECT, ReferenceResolver.TARGET)
            .contains(name)) {
          fields.add(name);
        }
      }
      return this;
    }

    /**
     * Sets how to find the caller's current persistence context when none is passed explicitly; the
     * supplier returns null when there is none. With Spring: {@code () ->
     * EntityManagerFactoryUtils.getTransactionalEntityManager(emf)}.
     */
    public Builder currentEntityManager(Supplier<EntityManager> supplier) {
      this.currentEntityManager = supplier;
      return this;
    }

    /**
     * Loads the referenced entities of this class with a named entity graph (declared with {@code
     * NamedEntityGraph}), still in one query per type: use it for the associations a view navigates
     * on detached results, e.g. a pin's board. Instances already managed in the caller's
     * persistence context are returned as they are.
     *
     * @throws IllegalArgumentException if the class has no entity graph of that name
     */
    public Builder fetchGraph(Class<?> entityClass, String graphName) {
      Objects.requireNonNull(entityClass, "entityClass");
      Objects.requireNonNull(graphName, "graphName");
      Map<String, ? extends EntityGraph<?>> graphs =
          sessionFactory.getNamedEntityGraphs(entityClass);
      EntityGraph<?> graph = graphs.get(graphName);
      if (graph == null) {
        throw new IllegalArgumentException(
            "entity graph '"
                + graphName
                + "' is not defined for "
                + entityClass.getName()
                + " (defined: "
                + new TreeSet<>(graphs.keySet())
                + ")");
      }
      fetchGraphs.put(entityClass, graph);
      return this;
    }

    /** Returns the enricher. */
    public Enricher build() {
      return new Enricher(this);
    }
  }
}
