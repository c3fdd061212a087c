package io.github.streamjpa.emulator.internal;

import io.github.streamjpa.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.List;

/** The bounded log of received API requests, oldest dropped first. */
final class RequestLog {
  private final int limit;
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

  RequestLog(int limit) {
    this.limit = limit;
  }

  synchronized void add(RecordedRequest request) {
    if (entries.size() == limit) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(entries);
  }

  synchronized void clear() {
    entries.clear();
  }
}
