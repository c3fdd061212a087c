package io.github.streamjpa.emulator.internal;

import io.github.streamjpa.emulator.FeedGroup;
import io.github.streamjpa.emulator.FeedGroupType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One feed's entries and, for grouped feeds, its groups. */
final class FeedData {
  /** The source marker of an entry written to this feed directly (add, add_to_many, to). */
  static final String DIRECT = "";

  final FeedRef ref;
  final AggregationFormat format;
  final TreeMap<SortKey, Entry> entries = new TreeMap<>();
  final Map<String, Entry> byActivity = new HashMap<>();
  final Map<String, Group> groupsByKey = new LinkedHashMap<>();
  final Map<String, Group> groupsById = new HashMap<>();

  /** Positions of groups that emptied, so an id_lt cursor naming one still pages correctly. */
  final Map<String, SortKey> removedGroups = new HashMap<>();

  FeedData(FeedRef ref) {
    this.ref = ref;
    FeedGroup group = ref.group();
    this.format =
        group.type() == FeedGroupType.FLAT
            ? null
            : AggregationFormat.parse(group.aggregationFormat());
  }

  boolean grouped() {
    return format != null;
  }

  boolean notification() {
    return ref.group().type() == FeedGroupType.NOTIFICATION;
  }

  /** One activity's presence in this feed, with every route it arrived by. */
  static final class Entry {
    final StoredActivity activity;
    final Set<String> sources = new LinkedHashSet<>();
    Group group;

    Entry(StoredActivity activity) {
      this.activity = activity;
    }

    /** {@code null} when written directly, else the first feed it was copied from. */
    String origin() {
      if (sources.contains(DIRECT)) {
        return null;
      }
      return sources.isEmpty() ? null : sources.iterator().next();
    }
  }

  /** An aggregation group of a grouped feed. */
  static final class Group {
    final String id;
    final String key;
    final long createdMicros;
    long updatedMicros;
    boolean seen;
    boolean read;
    final TreeMap<SortKey, Entry> members = new TreeMap<>();

    Group(String id, String key, long createdMicros) {
      this.id = id;
      this.key = key;
      this.createdMicros = createdMicros;
      this.updatedMicros = createdMicros;
    }

    SortKey position() {
      // Update times come from a clock that never repeats, so groups never tie.
      return new SortKey(updatedMicros, 0, id);
    }
  }
}
