package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One partial update: the activity (by id, or by foreign id and time) and what to set and unset.
 *
 * @param id the activity id, or {@code null} when addressed by foreign id
 * @param foreignId the foreign id, or {@code null}
 * @param micros the time that goes with the foreign id, or {@code null}
 * @param set dotted paths to new values
 * @param unset dotted paths to remove
 */
record PartialChange(String id, String foreignId, Long micros, ObjectNode set, List<String> unset) {

  String describe() {
    return id != null
        ? "activity '" + id + "'"
        : "activity with foreign_id '" + foreignId + "' and time '" + Times.format(micros) + "'";
  }
}
