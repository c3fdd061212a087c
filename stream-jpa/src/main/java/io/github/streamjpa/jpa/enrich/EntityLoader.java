package io.github.streamjpa.jpa.enrich;

import java.util.List;

/** Loads entities of one type by id: the seam between the engine and a persistence context. */
@FunctionalInterface
interface EntityLoader {

  /** Returns the entities ordered like {@code ids}, null where no row exists; one query. */
  List<?> load(Class<?> type, List<Object> ids);
}
