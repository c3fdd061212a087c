package io.github.streamjpa.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Paging, filtering and marking options of a feed read. Immutable; made with {@link #builder()}.
 *
 * <pre>{@code
 * FeedPage<FeedActivity> first = feed.getActivities(ReadOptions.limit(10));
 * FeedPage<FeedActivity> older = feed.getActivities(
 *     ReadOptions.builder().limit(10).idLt(first.results().get(9).id()).build());
 * NotificationPage inbox = notifications.getNotificationActivities(
 *     ReadOptions.builder().limit(5).markSeenAll().build());
 * }</pre>
 *
 * <p>Id filters take activity ids for flat feeds and group ids for aggregated and notification
 * feeds. Marking applies to notification feeds only and is sent with the read.
 */
public final class ReadOptions {
  /** The largest page Stream returns. */
  static final int MAX_LIMIT = 1000;

  private static final ReadOptions NONE = new Builder().build();

  private final Integer limit;
  private final Integer offset;
  private final String idLt;
  private final String idLte;
  private final String idGt;
  private final String idGte;
  private final String ranking;
  private final Marker markSeen;
  private final Marker markRead;

  private ReadOptions(Builder b) {
    this.limit = b.limit;
    this.offset = b.offset;
    this.idLt = b.idLt;
    this.idLte = b.idLte;
    this.idGt = b.idGt;
    this.idGte = b.idGte;
    this.ranking = b.ranking;
    this.markSeen = b.markSeen;
    this.markRead = b.markRead;
  }

  /**
   * Returns a new builder with nothing set (server defaults).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns options with only a page size.
   *
   * @param limit how many results to return, 1 to 1000
   * @return the options
   */
  public static ReadOptions limit(int limit) {
    return builder().limit(limit).build();
  }

  /**
   * Returns options with nothing set, so the server's defaults apply.
   *
   * @return the empty options
   */
  public static ReadOptions none() {
    return NONE;
  }

  /**
   * Returns a builder holding these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.limit = limit;
    b.offset = offset;
    b.idLt = idLt;
    b.idLte = idLte;
    b.idGt = idGt;
    b.idGte = idGte;
    b.ranking = ranking;
    b.markSeen = markSeen;
    b.markRead = markRead;
    return b;
  }

  /**
   * Returns the page size.
   *
   * @return the limit, or empty for the server default
   */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /**
   * Returns how many results to skip.
   *
   * @return the offset, or empty for none
   */
  public OptionalInt offset() {
    return offset == null ? OptionalInt.empty() : OptionalInt.of(offset);
  }

  /**
   * Returns the {@code id_lt} filter (results older than this id).
   *
   * @return the id, or empty
   */
  public Optional<String> idLt() {
    return Optional.ofNullable(idLt);
  }

  /**
   * Returns the {@code id_lte} filter (results older than or equal to this id).
   *
   * @return the id, or empty
   */
  public Optional<String> idLte() {
    return Optional.ofNullable(idLte);
  }

  /**
   * Returns the {@code id_gt} filter (results newer than this id).
   *
   * @return the id, or empty
   */
  public Optional<String> idGt() {
    return Optional.ofNullable(idGt);
  }

  /**
   * Returns the {@code id_gte} filter (results newer than or equal to this id).
   *
   * @return the id, or empty
   */
  public Optional<String> idGte() {
    return Optional.ofNullable(idGte);
  }

  /**
   * Returns the {@code ranking} to read with.
   *
   * @return the ranking name, or empty
   */
  public Optional<String> ranking() {
    return Optional.ofNullable(ranking);
  }

  /** Returns the query parameters these options stand for, in a stable order. */
  Map<String, String> toQuery() {
    Map<String, String> q = new LinkedHashMap<>();
    put(q, "limit", limit);
    put(q, "offset", offset);
    put(q, "id_lt", idLt);
    put(q, "id_lte", idLte);
    put(q, "id_gt", idGt);
    put(q, "id_gte", idGte);
    put(q, "ranking", ranking);
    put(q, "mark_seen", markSeen == null ? null : markSeen.queryValue());
    put(q, "mark_read", markRead == null ? null : markRead.queryValue());
    return q;
  }

  private static void put(Map<String, String> q, String key, Object value) {
    if (value != null) {
      q.put(key, value.toString());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadOptions other && toQuery().equals(other.toQuery());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toQuery());
  }

  @Override
  public String toString() {
    return "ReadOptions" + toQuery();
  }

  /** All groups, or the listed group ids. */
  private record Marker(List<String> groupIds) {
    String queryValue() {
      return groupIds == null ? "true" : String.join(",", groupIds);
    }
  }

  /** Builds {@link ReadOptions}; every setter validates its argument at once. */
  public static final class Builder {
    private Integer limit;
    private Integer offset;
    private String idLt;
    private String idLte;
    private String idGt;
    private String idGte;
    private String ranking;
    private Marker markSeen;
    private Marker markRead;

    private Builder() {}

    /**
     * Sets the page size.
     *
     * @param limit 1 to 1000
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = Checks.range(limit, 1, MAX_LIMIT, "read limit");
      return this;
    }

    /**
     * Sets how many of the newest results to skip.
     *
     * @param offset at least 0
     * @return this builder
     */
    public Builder offset(int offset) {
      this.offset = Checks.atLeast(offset, 0, "read offset");
      return this;
    }

    /**
     * Returns only results older than the given id ({@code id_lt}).
     *
     * @param id an activity id (flat feeds) or group id
     * @return this builder
     */
    public Builder idLt(String id) {
      this.idLt = Checks.notBlank(id, "id_lt");
      return this;
    }

    /**
     * Returns only results older than or equal to the given id ({@code id_lte}).
     *
     * @param id an activity or group id
     * @return this builder
     */
    public Builder idLte(String id) {
      this.idLte = Checks.notBlank(id, "id_lte");
      return this;
    }

    /**
     * Returns only results newer than the given id ({@code id_gt}).
     *
     * @param id an activity or group id
     * @return this builder
     */
    public Builder idGt(String id) {
      this.idGt = Checks.notBlank(id, "id_gt");
      return this;
    }

    /**
     * Returns only results newer than or equal to the given id ({@code id_gte}).
     *
     * @param id an activity or group id
     * @return this builder
     */
    public Builder idGte(String id) {
      this.idGte = Checks.notBlank(id, "id_gte");
      return this;
    }

    /**
     * Reads a ranked flat feed with the named ranking.
     *
     * @param ranking the ranking's name
     * @return this builder
     */
    public Builder ranking(String ranking) {
      this.ranking = Checks.notBlank(ranking, "ranking");
      return this;
    }

    /**
     * Marks every group of a notification feed as seen with this read.
     *
     * @return this builder
     */
    public Builder markSeenAll() {
      this.markSeen = new Marker(null);
      return this;
    }

    /**
     * Marks the given groups of a notification feed as seen with this read.
     *
     * @param groupIds group ids, at least one
     * @return this builder
     */
    public Builder markSeen(List<String> groupIds) {
      this.markSeen = new Marker(groupIds(groupIds, "mark_seen group id"));
      return this;
    }

    /**
     * Marks every group of a notification feed as read with this read.
     *
     * @return this builder
     */
    public Builder markReadAll() {
      this.markRead = new Marker(null);
      return this;
    }

    /**
     * Marks the given groups of a notification feed as read with this read.
     *
     * @param groupIds group ids, at least one
     * @return this builder
     */
    public Builder markRead(List<String> groupIds) {
      this.markRead = new Marker(groupIds(groupIds, "mark_read group id"));
      return this;
    }

    private static List<String> groupIds(List<String> ids, String what) {
      List<String> copy = Checks.nonEmptyList(ids, what + "s");
      copy.forEach(id -> Checks.noComma(id, what));
      return copy;
    }

    /**
     * Returns the options.
     *
     * @return immutable options
     */
    public ReadOptions build() {
      return new ReadOptions(this);
    }
  }
}
