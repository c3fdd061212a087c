package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Follow;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.TestClients;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.OracleDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.SQLServerDialect;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

/** Which databases the outbox runs on, and the error naming the others at startup. */
class OutboxDatabaseTest {

  @Test
  void supportedDatabasesAreRecognisedFromTheDialect() {
    assertThat(OutboxDatabase.of(new PostgreSQLDialect(DatabaseVersion.make(15))))
        .isEqualTo(OutboxDatabase.POSTGRESQL);
    assertThat(OutboxDatabase.of(new MySQLDialect(DatabaseVersion.make(8, 0))))
        .isEqualTo(OutboxDatabase.MYSQL);
    assertThat(OutboxDatabase.of(new MariaDBDialect(DatabaseVersion.make(10, 6))))
        .isEqualTo(OutboxDatabase.MYSQL);
    assertThat(OutboxDatabase.of(new MariaDBDialect(DatabaseVersion.make(11, 4))))
        .isEqualTo(OutboxDatabase.MYSQL);
    assertThat(OutboxDatabase.of(new H2Dialect(DatabaseVersion.make(2, 4))))
        .isEqualTo(OutboxDatabase.H2);
  }

  @Test
  void oracleAndSqlServerAreRefusedNamingTheSupportedDatabases() {
    assertThatThrownBy(() -> OutboxDatabase.of(new OracleDialect(DatabaseVersion.make(19))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("stream-jpa's outbox does not run on Oracle 19.0")
        .hasMessageContaining("PostgreSQL, MySQL 8+, MariaDB 10.6+ and H2 2.x")
        .hasMessageContaining("stream.enabled=false");
    assertThatThrownBy(() -> OutboxDatabase.of(new SQLServerDialect(DatabaseVersion.make(16))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("stream-jpa's outbox does not run on SQL Server 16.0")
        .hasMessageContaining("PostgreSQL, MySQL 8+, MariaDB 10.6+ and H2 2.x");
  }

  @Test
  void versionsWithoutSkipLockedAreRefused() {
    assertThatThrownBy(() -> OutboxDatabase.of(new MariaDBDialect(DatabaseVersion.make(10, 5))))
        .hasMessageStartingWith("stream-jpa's outbox does not run on MariaDB 10.5");
    assertThatThrownBy(() -> OutboxDatabase.of(new MySQLDialect(DatabaseVersion.make(5, 7))))
        .hasMessageStartingWith("stream-jpa's outbox does not run on MySQL 5.7");
  }

  @Test
  void aSessionFactoryOnOracleFailsToStartWithThatError() {
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("stream-jpa-oracle")
            .managedClass(User.class)
            .managedClass(Pin.class)
            .managedClass(Follow.class)
            // Oracle's dialect without a connection at boot stands in for an Oracle server.
            .property("hibernate.connection.url", "jdbc:h2:mem:oracle_stand_in")
            .property("hibernate.boot.allow_jdbc_metadata_access", "false")
            .property("hibernate.dialect", OracleDialect.class.getName())
            .property("jakarta.persistence.database-product-name", "Oracle")
            .property("jakarta.persistence.database-major-version", "19")
            .property("hibernate.hbm2ddl.auto", "none")
            .property(StreamJpaSettings.CLIENT, TestClients.unreachable());
    assertThatThrownBy(configuration::createEntityManagerFactory)
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("stream-jpa's outbox does not run on Oracle 19.")
        .hasMessageContaining("PostgreSQL, MySQL 8+, MariaDB 10.6+ and H2 2.x");
  }
}
