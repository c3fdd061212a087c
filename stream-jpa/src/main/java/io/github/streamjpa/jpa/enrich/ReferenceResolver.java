package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.jpa.EntityReferences;
import io.github.streamjpa.jpa.ParsedReference;
import io.github.streamjpa.jpa.enrich.EntityCatalog.Target;
import io.github.streamjpa.jpa.enrich.MissingReference.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enrichment engine: collects every reference of a batch of activities, loads each entity type
 * once through an {@link EntityLoader}, and builds the enriched activities.
 */
final class ReferenceResolver {

  static final String ACTOR = "actor";
  static final String OBJECT = "object";
  static final String TARGET = "target";

  private final EntityCatalog catalog;
  private final List<String> customFields;

  ReferenceResolver(EntityCatalog catalog, List<String> customFields) {
    this.catalog = catalog;
    this.customFields = List.copyOf(customFields);
  }

  /** Returns the ids to load per entity type, in first-seen order, for a batch of activities. */
  Map<Target, List<Object>> plan(List<FeedActivity> activities) {
    Map<Target, Set<Object>> wanted = new LinkedHashMap<>();
    for (FeedActivity activity : activities) {
      for (Object value : referenceFields(activity).values()) {
        Key key = key(value);
        if (key != null && key.target != null && key.id != null) {
          wanted.computeIfAbsent(key.target, t -> new LinkedHashSet<>()).add(key.id);
        }
      }
    }
    Map<Target, List<Object>> plan = new LinkedHashMap<>();
    wanted.forEach((target, ids) -> plan.put(target, List.copyOf(ids)));
    return plan;
  }

  /** Loads a plan: one {@link EntityLoader} call per entity type. */
  Resolution load(Map<Target, List<Object>> plan, EntityLoader loader) {
    Map<String, Map<Object, Object>> loaded = new HashMap<>();
    plan.forEach(
        (target, ids) -> {
          List<?> entities = loader.load(target.javaType(), ids);
          Map<Object, Object> byId = new HashMap<>();
          for (int i = 0; i < ids.size() && i < entities.size(); i++) {
            if (entities.get(i) != null) {
              byId.put(ids.get(i), entities.get(i));
            }
          }
          loaded.put(target.entityName(), byId);
        });
    return new Resolution(loaded);
  }

  /** Entities loaded for a batch; turns each activity of the batch into its enriched form. */
  final class Resolution {
    private final Map<String, Map<Object, Object>> loaded;

    private Resolution(Map<String, Map<Object, Object>> loaded) {
      this.loaded = loaded;
    }

    EnrichedActivity enrich(FeedActivity activity) {
      List<MissingReference> missing = new ArrayList<>();
      Map<String, Object> resolved = new LinkedHashMap<>();
      referenceFields(activity)
          .forEach((field, value) -> resolved.put(field, resolve(activity, field, value, missing)));
      Map<String, Object> custom = new LinkedHashMap<>(resolved);
      custom.keySet().removeAll(List.of(ACTOR, OBJECT, TARGET));
      return new EnrichedActivity(
          activity.id(),
          resolved.get(ACTOR),
          activity.verb(),
          resolved.get(OBJECT),
          resolved.get(TARGET),
          activity.time(),
          activity.foreignId(),
          activity.to(),
          activity.origin(),
          custom,
          activity.extra(),
          missing);
    }

    private Object resolve(
        FeedActivity activity, String field, Object value, List<MissingReference> missing) {
      Key key = key(value);
      if (key == null) {
        return value;
      }
      Reason reason;
      if (key.target == null) {
        reason = catalog.whyNot(key.reference.entityName());
      } else if (key.id == null) {
        reason = Reason.INVALID_ID;
      } else {
        Object entity = loaded.getOrDefault(key.target.entityName(), Map.of()).get(key.id);
        if (entity != null) {
          return entity;
        }
        reason = Reason.ROW_NOT_FOUND;
      }
      missing.add(new MissingReference(activity.id(), field, (String) value, reason));
      return null;
    }
  }

  /** Returns field → raw value for actor, object, target and the custom fields present. */
  private Map<String, Object> referenceFields(FeedActivity activity) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(ACTOR, activity.actor());
    fields.put(OBJECT, activity.object());
    if (activity.target() != null) {
      fields.put(TARGET, activity.target());
    }
    Map<String, Object> extra = activity.extra() == null ? Map.of() : activity.extra();
    for (String name : customFields) {
      if (extra.containsKey(name)) {
        fields.put(name, extra.get(name));
      }
    }
    return fields;
  }

  /** Returns null for non-references; otherwise the parsed parts (target/id null when unusable). */
  private Key key(Object value) {
    ParsedReference reference = reference(value);
    if (reference == null) {
      return null;
    }
    Target target = catalog.target(reference.entityName()).orElse(null);
    Object id = target == null ? null : target.idParser().apply(reference.id());
    return new Key(reference, target, id);
  }

  /**
   * Returns the parsed reference, or null for values that are not references. URLs such as {@code
   * "https://example.com/x"} have the reference shape ({@code https} is a valid entity name) but
   * are values: a reference id never starts with {@code //}.
   */
  private static ParsedReference reference(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    ParsedReference reference = EntityReferences.parse(text).orElse(null);
    return reference == null || reference.id().startsWith("//") ? null : reference;
  }

  private record Key(ParsedReference reference, Target target, Object id) {}
}
