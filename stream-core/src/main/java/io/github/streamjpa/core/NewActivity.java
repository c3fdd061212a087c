package io.github.streamjpa.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An activity to add or update: actor, verb and object are required; the rest is optional.
 *
 * <p>Immutable; made with {@link #builder()}. Give every activity a foreign id and a time when you
 * can: Stream then treats a repeat as the same activity, which lets the client retry the write
 * safely and lets you update or remove it by that key later.
 *
 * <pre>{@code
 * NewActivity pin = NewActivity.builder()
 *     .actor("User:1").verb("pin").object("Place:42")
 *     .foreignId("Pin:7").time(Instant.now())
 *     .to(FeedId.of("notification", "2"))
 *     .extra("course", Map.of("name", "Shortest Path", "distance", 10))
 *     .build();
 * }</pre>
 */
public final class NewActivity {
  /** The fields with a builder method of their own (and the id and origin Stream assigns). */
  static final Set<String> NAMED_FIELDS =
      Set.of("id", "actor", "verb", "object", "target", "time", "foreign_id", "to", "origin");

  private final String actor;
  private final String verb;
  private final String object;
  private final String target;
  private final Instant time;
  private final String foreignId;
  private final List<FeedId> to;
  private final Map<String, Object> extra;

  private NewActivity(Builder b) {
    this.actor = required(b.actor, "actor");
    this.verb = required(b.verb, "verb");
    this.object = required(b.object, "object");
    checkVerb(verb);
    this.target = b.target;
    this.time = b.time;
    this.foreignId = b.foreignId;
    this.to = List.copyOf(b.to);
    this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(b.extra));
    extra.forEach((field, value) -> Checks.customValue(value, "custom field '" + field + "'"));
  }

  static void checkVerb(String verb) {
    int verbBytes = verb.getBytes(StandardCharsets.UTF_8).length;
    if (verbBytes > 255) {
      throw new IllegalArgumentException(
          "activity verb '"
              + verb.substring(0, 20)
              + "...' is "
              + verbBytes
              + " bytes; Stream allows at most 255");
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "activity " + field + " is required (set it with " + field + "(...))");
    }
    return value;
  }

  /**
   * Returns a new, empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this activity's values, to derive a changed copy.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.actor = actor;
    b.verb = verb;
    b.object = object;
    b.target = target;
    b.time = time;
    b.foreignId = foreignId;
    b.to.addAll(to);
    b.extra.putAll(extra);
    return b;
  }

  /**
   * Returns the actor.
   *
   * @return for example {@code "User:1"}
   */
  public String actor() {
    return actor;
  }

  /**
   * Returns the verb.
   *
   * @return for example {@code "pin"}
   */
  public String verb() {
    return verb;
  }

  /**
   * Returns the object.
   *
   * @return for example {@code "Place:42"}
   */
  public String object() {
    return object;
  }

  /**
   * Returns the target.
   *
   * @return the target, or null
   */
  public String target() {
    return target;
  }

  /**
   * Returns the time, truncated to microseconds.
   *
   * @return the time, or null to let Stream use the time of the write
   */
  public Instant time() {
    return time;
  }

  /**
   * Returns the foreign id.
   *
   * @return the foreign id, or null
   */
  public String foreignId() {
    return foreignId;
  }

  /**
   * Returns the feeds the activity is also sent to.
   *
   * @return an unmodifiable list, empty for none
   */
  public List<FeedId> to() {
    return to;
  }

  /**
   * Returns the custom fields.
   *
   * @return an unmodifiable map in insertion order
   */
  public Map<String, Object> extra() {
    return extra;
  }

  /** Returns true when both foreign id and time are set, which makes a repeat harmless. */
  boolean hasForeignIdTime() {
    return foreignId != null && time != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewActivity other
        && actor.equals(other.actor)
        && verb.equals(other.verb)
        && object.equals(other.object)
        && Objects.equals(target, other.target)
        && Objects.equals(time, other.time)
        && Objects.equals(foreignId, other.foreignId)
        && to.equals(other.to)
        && extra.equals(other.extra);
  }

  @Override
  public int hashCode() {
    return Objects.hash(actor, verb, object, target, time, foreignId, to, extra);
  }

  @Override
  public String toString() {
    return "NewActivity{actor="
        + actor
        + ", verb="
        + verb
        + ", object="
        + object
        + (target == null ? "" : ", target=" + target)
        + (time == null ? "" : ", time=" + time)
        + (foreignId == null ? "" : ", foreignId=" + foreignId)
        + (to.isEmpty() ? "" : ", to=" + to)
        + (extra.isEmpty() ? "" : ", extra=" + extra)
        + "}";
  }

  /** Builds a {@link NewActivity}; {@link #build()} checks that actor, verb and object are set. */
  public static final class Builder {
    private String actor;
    private String verb;
    private String object;
    private String target;
    private Instant time;
    private String foreignId;
    private final List<FeedId> to = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the actor (required).
     *
     * @param actor for example {@code "User:1"}
     * @return this builder
     */
    public Builder actor(String actor) {
      this.actor = actor;
      return this;
    }

    /**
     * Sets the verb (required, at most 255 bytes).
     *
     * @param verb for example {@code "pin"}
     * @return this builder
     */
    public Builder verb(String verb) {
      this.verb = verb;
      return this;
    }

    /**
     * Sets the object (required).
     *
     * @param object for example {@code "Place:42"}
     * @return this builder
     */
    public Builder object(String object) {
      this.object = object;
      return this;
    }

    /**
     * Sets the target.
     *
     * @param target the target, or null for none
     * @return this builder
     */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /**
     * Sets the time; it is truncated to microseconds, the precision Stream stores.
     *
     * @param time the time, in the years 0001 to 9999, or null to let Stream use the time of the
     *     write
     * @return this builder
     * @throws IllegalArgumentException if the time is outside the years Stream's format carries
     */
    public Builder time(Instant time) {
      this.time = time == null ? null : StreamTimes.checkRange(time).truncatedTo(ChronoUnit.MICROS);
      return this;
    }

    /**
     * Sets the foreign id.
     *
     * @param foreignId the caller's id for the activity, or null
     * @return this builder
     */
    public Builder foreignId(String foreignId) {
      if (foreignId != null) {
        Checks.notBlank(foreignId, "activity foreign id");
      }
      this.foreignId = foreignId;
      return this;
    }

    /**
     * Replaces the feeds the activity is also sent to.
     *
     * @param feeds the target feeds
     * @return this builder
     */
    public Builder to(FeedId... feeds) {
      Checks.notNull(feeds, "activity to");
      // Arrays.asList keeps null entries so that the list check names the bad index.
      return to(Arrays.asList(feeds));
    }

    /**
     * Replaces the feeds the activity is also sent to.
     *
     * @param feeds the target feeds
     * @return this builder
     */
    public Builder to(List<FeedId> feeds) {
      List<FeedId> copy = Checks.list(feeds, "activity to");
      to.clear();
      to.addAll(copy);
      return this;
    }

    /**
     * Sets one custom field.
     *
     * @param field the name; not one of the named fields ({@code actor}, {@code time}, ...)
     * @param value a string, number, boolean, {@link Instant}, nested map or list (at most 100
     *     deep, not containing itself), or any object Jackson can write; null is sent as JSON null
     * @return this builder
     */
    public Builder extra(String field, Object value) {
      Checks.notBlank(field, "custom field name");
      if (NAMED_FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "custom field '" + field + "' is a named activity field; use its own builder method");
      }
      extra.put(field, value);
      return this;
    }

    /**
     * Sets several custom fields, as {@link #extra(String, Object)} does one.
     *
     * @param fields the fields to add
     * @return this builder
     */
    public Builder extra(Map<String, ?> fields) {
      Checks.notNull(fields, "custom fields");
      fields.forEach(this::extra);
      return this;
    }

    /**
     * Returns the activity.
     *
     * @return the immutable activity
     * @throws IllegalArgumentException if actor, verb or object is missing
     */
    public NewActivity build() {
      return new NewActivity(this);
    }
  }
}
