package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.internal.OutboxDatabase;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.OracleDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.SQLServerDialect;

/** Picks the outbox's database from the SessionFactory's dialect, refusing the unsupported. */
final class OutboxDatabases {

  private OutboxDatabases() {}

  /**
   * Returns the outbox database for {@code dialect}.
   *
   * @throws IllegalStateException naming the database and the supported ones when the outbox cannot
   *     run on it
   */
  static OutboxDatabase of(Dialect dialect) {
    DatabaseVersion version = dialect.getVersion();
    if (dialect instanceof PostgreSQLDialect) {
      return OutboxDatabase.POSTGRESQL;
    }
    if (dialect instanceof MariaDBDialect) {
      if (version.isSameOrAfter(10, 6)) {
        return OutboxDatabase.MYSQL;
      }
      throw unsupported("MariaDB", version, dialect);
    }
    if (dialect instanceof MySQLDialect) {
      if (version.isSameOrAfter(8)) {
        return OutboxDatabase.MYSQL;
      }
      throw unsupported("MySQL", version, dialect);
    }
    if (dialect instanceof H2Dialect) {
      if (version.isSameOrAfter(2)) {
        return OutboxDatabase.H2;
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
            + OutboxDatabase.SUPPORTED
            + ". Keep the outbox on one of those, or opt out with "
            + StreamJpaSettings.ENABLED
            + "=false");
  }
}
