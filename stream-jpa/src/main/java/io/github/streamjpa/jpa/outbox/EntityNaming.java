package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.EntityReferences;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entity names, classes and identifiers from one factory's JPA metamodel: the names the read path
 * (enrichment) resolves, whether an entity is mapped by annotations or in {@code orm.xml}. Proxies
 * are read without being initialized.
 */
final class EntityNaming {

  private final EntityManagerFactory factory;
  private final Map<Class<?>, Optional<EntityType<?>>> byClass = new ConcurrentHashMap<>();

  EntityNaming(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** Returns the mapped entity type of a value (looking through proxies), or empty. */
  Optional<EntityType<?>> entityType(Object value) {
    return byClass.computeIfAbsent(value.getClass(), this::find);
  }

  /**
   * Returns the reference {@code "<EntityName>:<id>"} of an entity.
   *
   * @throws IllegalStateException when it has no identifier yet
   */
  String reference(EntityType<?> type, Object entity) {
    Object id = factory.getPersistenceUnitUtil().getIdentifier(entity);
    if (id == null) {
      throw new IllegalStateException(
          "entity " + type.getName() + " has no identifier yet (it is not persisted)");
    }
    return EntityReferences.of(type.getName(), id);
  }

  /** Returns the identifier of an entity, or null before it is persisted. */
  Object identifier(Object entity) {
    return factory.getPersistenceUnitUtil().getIdentifier(entity);
  }

  private Optional<EntityType<?>> find(Class<?> type) {
    // Proxies and enhanced subclasses extend the mapped class; the nearest mapped one wins.
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
        if (entity.getJavaType() == c) {
          return Optional.of(entity);
        }
      }
    }
    return Optional.empty();
  }
}
