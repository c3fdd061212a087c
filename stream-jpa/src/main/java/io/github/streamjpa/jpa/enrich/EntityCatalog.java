package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.jpa.enrich.MissingReference.Reason;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Entity name → entity class and id parser, read once from the metamodel (which never changes after
 * the factory is built).
 */
final class EntityCatalog {

  /** How references to one entity name are loaded; {@code idParser} returns null for bad ids. */
  record Target(String entityName, Class<?> javaType, Function<String, Object> idParser) {}

  private final Map<String, Target> targets = new HashMap<>();
  private final Map<String, Reason> unsupported = new HashMap<>();

  EntityCatalog(Metamodel metamodel) {
    for (EntityType<?> type : metamodel.getEntities()) {
      Class<?> javaType = type.getJavaType();
      if (javaType == null || Map.class.isAssignableFrom(javaType)) {
        // dynamic-map entities have no class to load or to cast to
        unsupported.put(type.getName(), Reason.UNSUPPORTED_ID_TYPE);
        continue;
      }
      Function<String, Object> parser =
          type.hasSingleIdAttribute() ? idParser(type.getIdType().getJavaType()) : null;
      if (parser == null) {
        unsupported.put(type.getName(), Reason.UNSUPPORTED_ID_TYPE);
      } else {
        targets.put(type.getName(), new Target(type.getName(), javaType, parser));
      }
    }
  }

  /** Returns the target of an entity name, or empty when it cannot be loaded. */
  Optional<Target> target(String entityName) {
    return Optional.ofNullable(targets.get(entityName));
  }

  /** Returns why an entity name without a target cannot be loaded. */
  Reason whyNot(String entityName) {
    return unsupported.getOrDefault(entityName, Reason.UNKNOWN_ENTITY);
  }

  private static Function<String, Object> idParser(Class<?> idType) {
    if (idType == String.class) {
      return text -> text;
    }
    if (idType == Long.class || idType == long.class) {
      return strict(Long::valueOf);
    }
    if (idType == Integer.class || idType == int.class) {
      return strict(Integer::valueOf);
    }
    if (idType == Short.class || idType == short.class) {
      return strict(Short::valueOf);
    }
    if (idType == Byte.class || idType == byte.class) {
      return strict(Byte::valueOf);
    }
    if (idType == BigInteger.class) {
      return strict(BigInteger::new);
    }
    if (idType == BigDecimal.class) {
      return strict(BigDecimal::new);
    }
    if (idType == UUID.class) {
      return strict(UUID::fromString);
    }
    return null;
  }

  /**
   * Accepts only the canonical form the write path produces ({@code id.toString()}), so that
   * lenient parsing (a leading '+', a short UUID) cannot alias two references to one row.
   */
  private static Function<String, Object> strict(Function<String, Object> parse) {
    return text -> {
      try {
        Object id = parse.apply(text);
        return id.toString().equalsIgnoreCase(text) ? id : null;
      } catch (IllegalArgumentException e) {
        return null;
      }
    };
  }
}
