package io.github.streamjpa.jpa.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out JDBC connections for the dispatcher's own short transactions. */
interface ConnectionSource {

  /** Obtains a connection; the caller releases it. */
  Connection obtain() throws SQLException;

  /** Gives a connection back. */
  void release(Connection connection) throws SQLException;
}
