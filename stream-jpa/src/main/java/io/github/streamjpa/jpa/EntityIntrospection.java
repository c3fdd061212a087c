package io.github.streamjpa.jpa;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.hibernate.proxy.HibernateProxy;

/**
 * Entity name, class and identifier of an entity instance by its mapping annotations, for code that
 * has no SessionFactory at hand: the defaults of {@link Activity} and {@link FeedManager} when an
 * application calls them itself. Syncing never relies on this: it reads the SessionFactory's
 * metamodel, which also knows entities mapped in {@code orm.xml}. Proxies are read without being
 * initialized.
 */
final class EntityIntrospection {

  private EntityIntrospection() {}

  /** Returns whether the value is an instance of an {@code @Entity} class (or a proxy of one). */
  static boolean isEntity(Object value) {
    return value instanceof HibernateProxy || findEntityClass(value.getClass()) != null;
  }

  /** Returns the {@code @Entity} class of an instance, looking through proxies and subclasses. */
  static Class<?> entityClass(Object entity) {
    Class<?> type =
        entity instanceof HibernateProxy proxy
            ? proxy.getHibernateLazyInitializer().getPersistentClass()
            : entity.getClass();
    Class<?> found = findEntityClass(type);
    if (found == null) {
      throw new IllegalArgumentException(
          "class " + type.getName() + " is not an @Entity (nor a subclass of one)");
    }
    return found;
  }

  /** Returns the JPA entity name: {@code @Entity(name)} or the simple class name. */
  static String entityName(Object entity) {
    Class<?> type = entityClass(entity);
    String name = type.getAnnotation(Entity.class).name();
    return name.isEmpty() ? type.getSimpleName() : name;
  }

  /**
   * Returns the identifier from the {@code @Id}/{@code @EmbeddedId} field or getter.
   *
   * @throws IllegalStateException if the entity has no identifier yet or none can be found
   */
  static Object identifier(Object entity) {
    if (entity instanceof HibernateProxy proxy) {
      return proxy.getHibernateLazyInitializer().getIdentifier();
    }
    for (Class<?> type = entity.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && isIdentifier(field)) {
          return requireId(entity, read(field, entity));
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (method.getParameterCount() == 0 && isIdentifier(method)) {
          return requireId(entity, invoke(method, entity));
        }
      }
    }
    throw new IllegalStateException(
        "entity " + entity.getClass().getName() + " has no @Id or @EmbeddedId field or getter");
  }

  private static Class<?> findEntityClass(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(Entity.class)) {
        return c;
      }
    }
    return null;
  }

  private static boolean isIdentifier(java.lang.reflect.AnnotatedElement element) {
    return element.isAnnotationPresent(Id.class) || element.isAnnotationPresent(EmbeddedId.class);
  }

  private static Object requireId(Object entity, Object id) {
    if (id == null) {
      throw new IllegalStateException(
          "entity " + entity.getClass().getSimpleName() + " has no identifier yet (not persisted)");
    }
    return id;
  }

  private static Object read(Field field, Object entity) {
    try {
      field.setAccessible(true);
      return field.get(entity);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read identifier field " + field, e);
    }
  }

  private static Object invoke(Method method, Object entity) {
    try {
      method.setAccessible(true);
      return method.invoke(entity);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot call identifier getter " + method, e);
    }
  }
}
