package io.github.streamjpa.jpa.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * One enriched page of a feed: its results in feed order, the cursor of the next page and, for
 * notification feeds, the unseen and unread counts.
 *
 * <pre>{@code
 * EnrichedPage<EnrichedActivity> page = reader.timeline(userId, 25, cursor).dropIncomplete();
 * model.addAttribute("activities", page.results());
 * model.addAttribute("next", page.nextCursor());   // null on the last page
 * }</pre>
 *
 * @param results the activities or groups, in feed order
 * @param nextCursor the {@code id_lt} value that reads the next page, or null on the last page
 * @param unseen unseen groups of a notification feed; null for other feeds
 * @param unread unread groups of a notification feed; null for other feeds
 * @param <T> {@link EnrichedActivity} for flat feeds, {@link EnrichedGroup} otherwise
 */
public record EnrichedPage<T extends EnrichedResult>(
    List<T> results, String nextCursor, Integer unseen, Integer unread) {

  /** Copies the results; a blank cursor means there is no next page. */
  public EnrichedPage {
    results = results == null ? List.of() : List.copyOf(results);
    nextCursor = nextCursor == null || nextCursor.isBlank() ? null : nextCursor;
  }

  /** Returns whether a next page exists. */
  public boolean hasNext() {
    return nextCursor != null;
  }

  /** Returns whether every reference on the page was resolved. */
  public boolean isFullyEnriched() {
    return results.stream().allMatch(EnrichedResult::isFullyEnriched);
  }

  /** Returns every missing reference of the page, in page order. */
  public List<MissingReference> missingReferences() {
    return results.stream().flatMap(r -> r.missingReferences().stream()).toList();
  }

  /**
   * Returns this page without the activities that are not fully enriched; groups keep their
   * complete activities and are left out when none remains. The cursor is unchanged, so paging
   * continues after the last activity the feed returned, dropped or not.
   */
  @SuppressWarnings("unchecked")
  public EnrichedPage<T> dropIncomplete() {
    List<T> kept = new ArrayList<>(results.size());
    for (T result : results) {
      if (result instanceof EnrichedGroup group) {
        EnrichedGroup complete = group.withoutIncomplete();
        if (!complete.activities().isEmpty()) {
          kept.add((T) complete);
        }
      } else if (result.isFullyEnriched()) {
        kept.add(result);
      }
    }
    return new EnrichedPage<>(kept, nextCursor, unseen, unread);
  }
}
