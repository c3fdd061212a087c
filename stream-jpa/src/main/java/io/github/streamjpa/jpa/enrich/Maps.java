package io.github.streamjpa.jpa.enrich;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Map copies that keep null values and order, which {@code Map.copyOf} rejects or loses. */
final class Maps {

  private Maps() {}

  static <K, V> Map<K, V> frozen(Map<K, V> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
