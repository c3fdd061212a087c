package io.github.streamjpa.jpa.internal.hibernate;

import java.time.Instant;

/**
 * The outbox table as an entity, mapped only so that Hibernate's schema tooling creates, validates
 * and drops it (mapping in {@link OutboxMapping}); rows are read and written with JDBC.
 */
class OutboxRecord {
  Long id;
  String foreignId;
  String operation;
  String payload;
  String status;
  int attempts;
  Instant createdAt;
  Instant availableAt;
  Instant leaseUntil;
  String claimedBy;
  String lastError;

  /** For Hibernate. */
  protected OutboxRecord() {}
}
