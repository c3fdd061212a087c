package io.github.streamjpa.jpa.internal;

import java.util.Locale;

/**
 * The databases the outbox runs on. All of them claim rows with {@code order by ... limit ? for
 * update skip locked}; they differ in how claims must lock so that the application's own inserts
 * never deadlock with them.
 */
public enum OutboxDatabase {
  /** PostgreSQL: READ COMMITTED by default, no gap locks. */
  POSTGRESQL("PostgreSQL", false),
  /**
   * MySQL 8 and MariaDB 10.6+ (InnoDB). Their default REPEATABLE READ takes gap locks on the
   * scanned index, which block the application's inserts; the store's own transactions run at READ
   * COMMITTED, which takes none.
   */
  MYSQL("MySQL/MariaDB", true),
  /** H2 2.x: READ COMMITTED by default. */
  H2("H2", false);

  /** The databases and versions the outbox supports, for error messages. */
  public static final String SUPPORTED = "PostgreSQL, MySQL 8+, MariaDB 10.6+ and H2 2.x";

  private final String displayName;
  private final boolean readCommittedClaims;

  OutboxDatabase(String displayName, boolean readCommittedClaims) {
    this.displayName = displayName;
    this.readCommittedClaims = readCommittedClaims;
  }

  /** Returns whether the store's own transactions must switch to READ COMMITTED. */
  boolean readCommittedClaims() {
    return readCommittedClaims;
  }

  /** Returns the directory of this database's DDL under {@code META-INF/stream-jpa/sql/}. */
  public String ddlDirectory() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
