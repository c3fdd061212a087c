package io.github.streamjpa.emulator.internal;

/**
 * A position in a feed: newer times first; among equal times the later created first, as the
 * service orders them (its ids grow with creation); the id last, so the order is total.
 *
 * @param micros the activity time (or a group's last update) in epoch microseconds
 * @param created the creation sequence number within the emulator
 * @param id the activity or group id
 */
record SortKey(long micros, long created, String id) implements Comparable<SortKey> {
  @Override
  public int compareTo(SortKey other) {
    int byTime = Long.compare(other.micros, micros);
    if (byTime != 0) {
      return byTime;
    }
    int byCreation = Long.compare(other.created, created);
    return byCreation != 0 ? byCreation : other.id.compareTo(id);
  }
}
