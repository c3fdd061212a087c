/**
 * Enriched feed reads: feed pages whose entity references ({@code "User:42"}) are resolved to
 * entities with one query per entity type, for MVC controllers.
 *
 * <pre>{@code
 * Enricher enricher = Enricher.builder(entityManagerFactory).fields("board").build();
 * FeedReader reader = FeedReader.of(enricher, feedManager);
 *
 * EnrichedPage<EnrichedActivity> page = reader.timeline(userId, 25, cursor);
 * for (EnrichedActivity activity : page.dropIncomplete().results()) {
 *   User actor = activity.actor(User.class);
 *   Pin pin = activity.object(Pin.class);
 *   Board board = activity.field("board", Board.class);
 * }
 * String next = page.nextCursor();   // pass back as cursor; null on the last page
 * }</pre>
 *
 * <p>{@link io.github.streamjpa.jpa.enrich.Enricher} enriches pages already read (flat, aggregated
 * or notification); {@link io.github.streamjpa.jpa.enrich.FeedReader} reads and enriches in one
 * call. References that cannot be resolved (deleted rows, unknown entity names) are reported per
 * activity as {@link io.github.streamjpa.jpa.enrich.MissingReference}s instead of failing the page.
 */
package io.github.streamjpa.jpa.enrich;
