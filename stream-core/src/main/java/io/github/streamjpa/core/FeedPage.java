package io.github.streamjpa.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of a flat feed ({@code FeedPage<FeedActivity>}) or aggregated feed ({@code
 * FeedPage<ActivityGroup>}).
 *
 * <pre>{@code
 * FeedPage<FeedActivity> page = feed.getActivities(ReadOptions.limit(25));
 * while (true) {
 *   page.results().forEach(this::show);
 *   Optional<ReadOptions> next = page.nextPage();
 *   if (next.isEmpty()) break;
 *   page = feed.getActivities(next.get());
 * }
 * }</pre>
 *
 * @param results the activities or groups, newest first
 * @param next Stream's relative URL of the next page, {@code ""} when there is none
 * @param <T> {@link FeedActivity} or {@link ActivityGroup}
 */
public record FeedPage<T>(List<T> results, String next) {

  /**
   * Copies the results; a null {@code next} becomes {@code ""}.
   *
   * @param results the activities or groups, newest first
   * @param next Stream's relative URL of the next page, {@code ""} when there is none
   */
  public FeedPage {
    results = results == null ? List.of() : List.copyOf(results);
    next = next == null ? "" : next;
  }

  /**
   * Returns the {@code id_lt} of the next page.
   *
   * @return the id, or empty when there is no next page
   */
  public Optional<String> nextIdLt() {
    return NextLink.idLt(next);
  }

  /**
   * Returns the options that read the next page (same limit, the next {@code id_lt}).
   *
   * @return the options, or empty when there is no next page
   */
  public Optional<ReadOptions> nextPage() {
    return NextLink.nextPage(next);
  }
}
