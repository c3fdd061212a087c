package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.StreamJpaSettings;
import java.util.Locale;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.OracleDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.SQLServerDialect;

/**
 * The databases the outbox runs on. All of them claim rows with {@code order by ... limit ? for
 * update skip locked}; they differ in how claims must lock so that the application's own inserts
 * never deadlock with them.
 */
enum OutboxDatabase {
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
  static final String SUPPORTED = "PostgreSQL, MySQL 8+, MariaDB 10.6+ and H2 2.x";

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

  /**
   * Returns the outbox database for a SessionFactory's dialect.
   *
   * @throws IllegalStateException naming the database and the supported ones when the outbox cannot
   *     run on it (Oracle, SQL Server, MySQL before 8, MariaDB before 10.6, ...)
   */
  static OutboxDatabase of(Dialect dialect) {
    DatabaseVersion version = dialect.getVersion();
    if (dialect instanceof PostgreSQLDialect) {
      return POSTGRESQL;
    }
    if (dialect instanceof MariaDBDialect) {
      if (version.isSameOrAfter(10, 6)) {
        return MYSQL;
      }
      throw unsupported("MariaDB", version, dialect);
    }
    if (dialect instanceof MySQLDialect) {
      if (version.isSameOrAfter(8)) {
        return MYSQL;
      }
      throw unsupported("MySQL", version, dialect);
    }
    if (dialect instanceof H2Dialect) {
      if (version.isSameOrAfter(2)) {
        return H2;
      }
      throw unsupported("H2", version, dialect);
    }
    String name;
    if (dialect instanceof OracleDialect) {
      name = "Oracle";
    } else if (dialect instanceof SQLServerDialect) {
      name = "SQL Server";
    } else {
      name = dialect.getClass().getSimpleName().replaceFirst("Dialect$", "");
    }
    throw unsupported(name, version, dialect);
  }

  private static IllegalStateException unsupported(
      String name, DatabaseVersion version, Dialect dialect) {
    return new IllegalStateException(
        "stream-jpa's outbox does not run on "
            + name
            + " "
            + version.getDatabaseMajorVersion()
            + "."
            + version.getDatabaseMinorVersion()
            + " (dialect "
            + dialect.getClass().getName()
            + "): it claims rows with 'limit ... for update skip locked', which it supports on "
            + SUPPORTED
            + ". Keep the outbox on one of those, or opt out with "
            + StreamJpaSettings.ENABLED
            + "=false");
  }

  /**
   * Returns the class-path location of the outbox table's DDL for this database, e.g. {@code
   * META-INF/stream-jpa/sql/mysql/V1__stream_outbox.sql}: Flyway-named, usable from Liquibase.
   */
  String ddlResource() {
    return "META-INF/stream-jpa/sql/" + name().toLowerCase(Locale.ROOT) + "/V1__stream_outbox.sql";
  }

  @Override
  public String toString() {
    return displayName;
  }
}
