package io.github.streamjpa.emulator.internal;

import java.util.Set;

/**
 * A validated feed read request.
 *
 * @param limit page size
 * @param offset items to skip after the id filters
 * @param idLt only items older than this id
 * @param idLte only items not newer than this id
 * @param idGt only items newer than this id
 * @param idGte only items not older than this id
 * @param markSeen group ids to mark seen, {@link #ALL} for all, empty for none
 * @param markRead group ids to mark read, {@link #ALL} for all, empty for none
 * @param nextBase the path {@code next} links start with
 */
record ReadParams(
    int limit,
    int offset,
    String idLt,
    String idLte,
    String idGt,
    String idGte,
    Set<String> markSeen,
    Set<String> markRead,
    String nextBase) {

  /** The marker set meaning "every group". */
  static final Set<String> ALL = Set.of("\u0000all");

  static boolean marksAll(Set<String> marks) {
    return marks == ALL;
  }
}
