package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.internal.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;

/**
 * Connections from the SessionFactory's own connection provider, outside any session, so the
 * dispatcher still works while the SessionFactory is closing.
 */
final class HibernateConnectionSource implements ConnectionSource {

  private final JdbcConnectionAccess access;

  HibernateConnectionSource(JdbcConnectionAccess access) {
    this.access = access;
  }

  @Override
  public Connection obtain() throws SQLException {
    return access.obtainConnection();
  }

  @Override
  public void release(Connection connection) throws SQLException {
    access.releaseConnection(connection);
  }
}
