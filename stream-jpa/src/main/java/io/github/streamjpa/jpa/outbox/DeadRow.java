package io.github.streamjpa.jpa.outbox;

import java.time.Instant;

/**
 * An outbox row parked as dead: it failed with a non-retryable error or ran out of attempts.
 * Re-drive it with {@link Outbox#redrive(long)} once the cause is fixed.
 *
 * @param id the row id
 * @param foreignId the activity's foreign id (or the follow pair for follow rows)
 * @param operation {@code ADD}, {@code UPDATE}, {@code REMOVE}, {@code FOLLOW} or {@code UNFOLLOW}
 * @param attempts attempts made
 * @param lastError the last error, e.g. the Stream error's status and detail
 * @param createdAt when the change was committed
 * @param payload what would have been sent, as JSON
 */
public record DeadRow(
    long id,
    String foreignId,
    String operation,
    int attempts,
    String lastError,
    Instant createdAt,
    String payload) {}
