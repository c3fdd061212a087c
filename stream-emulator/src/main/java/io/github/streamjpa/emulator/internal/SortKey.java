package io.github.streamjpa.emulator.internal;

/** A position in a feed: newer times first, ties broken by id so the order is total. */
record SortKey(long micros, String id) implements Comparable<SortKey> {
  @Override
  public int compareTo(SortKey other) {
    int byTime = Long.compare(other.micros, micros);
    return byTime != 0 ? byTime : other.id.compareTo(id);
  }
}
