package io.github.streamjpa.jpa.outbox;

/**
 * A claimed outbox row.
 *
 * @param id the row id
 * @param foreignId the ordering key
 * @param operation what to do
 * @param payload the JSON for the sender
 * @param attempts failed attempts so far
 */
record OutboxRow(
    long id, String foreignId, OutboxOperation operation, String payload, int attempts) {}
