/**
 * The transactional outbox: every synced change is written as a row in the entity's transaction,
 * and a dispatcher per SessionFactory sends the rows to Stream after the commit, retrying through
 * outages, keeping the order per activity and parking rows that no retry can fix.
 *
 * <pre>{@code
 * Outbox outbox = StreamJpa.of(emf).outbox();
 * OutboxStats stats = outbox.stats();           // pending, oldest pending age, sent, retried, dead
 * outbox.deadRows(50).forEach(row -> log.warn("{}: {}", row.foreignId(), row.lastError()));
 * outbox.redriveAll();
 * }</pre>
 *
 * <p>Applications use {@link io.github.streamjpa.jpa.outbox.Outbox}, {@link
 * io.github.streamjpa.jpa.outbox.OutboxStats} and {@link io.github.streamjpa.jpa.outbox.DeadRow},
 * the package's only public types. Everything else (the per-SessionFactory runtime, the store, the
 * dispatcher, the listeners) is package-private, so it can change without breaking applications;
 * stream-jpa's other packages reach it through the internal, not-API bridge {@link
 * io.github.streamjpa.jpa.internal.OutboxAccess}, which {@code Outbox} installs.
 */
package io.github.streamjpa.jpa.outbox;
