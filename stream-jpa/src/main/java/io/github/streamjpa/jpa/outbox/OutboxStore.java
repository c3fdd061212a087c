package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.StreamSyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain JDBC over the outbox table, on the databases of {@link OutboxDatabase}: times come from the
 * caller's clock, claims use {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>Locking: the store's own transactions (claim, delete, reschedule, park, release) are short,
 * run at READ COMMITTED where the database's default would take gap locks (InnoDB), and are retried
 * a few times when the database picks them as a deadlock victim or a lock wait times out, so that
 * the application's inserts never wait on a claim and the dispatcher's own work survives a lost
 * lock race. A connection that failed and no longer answers is closed before it goes back to the
 * pool, so the next transaction gets a fresh one.
 */
final class OutboxStore {

  private static final Logger log = LoggerFactory.getLogger(OutboxStore.class);

  static final String PENDING = "PENDING";
  static final String DEAD = "DEAD";
  private static final int MAX_ERROR_LENGTH = 2000;

  /** Attempts of one store transaction that loses a deadlock or lock wait. */
  private static final int LOCK_CONFLICT_ATTEMPTS = 5;

  private final String table;
  private final ConnectionSource connections;
  private final OutboxDatabase database;

  /**
   * Creates a store over {@code table} on {@code database}, using {@code connections} for its own
   * transactions.
   */
  public OutboxStore(String table, ConnectionSource connections, OutboxDatabase database) {
    this.table = table;
    this.connections = connections;
    this.database = database;
  }

  /** Returns the database the store runs on. */
  OutboxDatabase database() {
    return database;
  }

  /** Returns the (possibly qualified) table name. */
  public String table() {
    return table;
  }

  /**
   * Inserts pending rows on the caller's connection, inside the caller's transaction.
   *
   * @throws StreamSyncException when the database refuses the rows; its message names the rows'
   *     foreign ids and operations and the database's error code, but no value of the rows (a
   *     driver's own message may quote them, payloads included, so it is left out of the exception
   *     and its causes)
   */
  public void insert(Connection connection, List<OutboxMessage> messages, Instant now) {
    try {
      insertRows(connection, messages, now);
    } catch (SQLException e) {
      String rows =
          messages.stream()
              .map(m -> m.foreignId() + " (" + m.operation() + ")")
              .collect(Collectors.joining(", "));
      throw new StreamSyncException(
          "stream-jpa could not write the outbox rows of "
              + rows
              + " to table "
              + table
              + ": "
              + SqlErrors.describe(e)
              + " (the database's own message is left out: it can quote the rows' data)",
          SqlErrors.withoutMessages(e));
    }
  }

  private void insertRows(Connection connection, List<OutboxMessage> messages, Instant now)
      throws SQLException {
    String sql =
        "insert into "
            + table
            + " (foreign_id, operation, payload, status, attempts, created_at, available_at)"
            + " values (?, ?, ?, '"
            + PENDING
            + "', 0, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (OutboxMessage message : messages) {
        insert.setString(1, message.foreignId());
        insert.setString(2, message.operation().name());
        insert.setString(3, message.payload());
        insert.setObject(4, time(now));
        insert.setObject(5, time(now));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Claims up to {@code limit} due rows, only the oldest pending row of each foreign id, leasing
   * them to {@code owner} until {@code now + lease}; rows locked by another claimer are skipped.
   * Rows still leased to {@code owner} itself are claimed again: an owner claims only when it has
   * nothing in flight, so such rows are left over from a round that failed half-way (for instance a
   * claim whose commit reached the database while its answer was lost).
   *
   * <p>The check for an older pending row of the same foreign id can be one range probe of the
   * {@code (foreign_id, status, id)} index. With planner statistics the claim reads about {@code
   * limit} rows; on a never-analyzed PostgreSQL table it still reads every due row once.
   */
  public List<OutboxRow> claim(String owner, int limit, Instant now, Duration lease)
      throws SQLException {
    String select =
        "select p.id, p.foreign_id, p.operation, p.payload, p.attempts from "
            + table
            + " p where p.status = '"
            + PENDING
            + "' and p.available_at <= ? and (p.lease_until is null or p.lease_until < ?)"
            + " and not exists (select 1 from "
            + table
            + " e where e.foreign_id = p.foreign_id and e.status = '"
            + PENDING
            + "' and e.id < p.id)"
            + " order by p.id limit ? for update skip locked";
    return retryingLockConflicts(
        connection -> {
          List<OutboxRow> rows = new ArrayList<>();
          try (PreparedStatement query = connection.prepareStatement(select)) {
            query.setObject(1, time(now));
            query.setObject(2, time(now));
            query.setInt(3, limit);
            try (ResultSet rs = query.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new OutboxRow(
                        rs.getLong(1),
                        rs.getString(2),
                        OutboxOperation.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getInt(5)));
              }
            }
          }
          if (!rows.isEmpty()) {
            List<Object> parameters = new ArrayList<>(List.of(now.plus(lease), owner));
            rows.forEach(row -> parameters.add(row.id()));
            executeUpdate(
                connection,
                "update "
                    + table
                    + " set lease_until = ?, claimed_by = ? where id in ("
                    + placeholders(rows.size())
                    + ")",
                parameters.toArray());
          }
          return rows;
        });
  }

  /** Deletes rows that were delivered (ids in ascending order, so deletes lock in one order). */
  public void delete(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    ids = ids.stream().sorted().toList();
    update(
        "delete from " + table + " where id in (" + placeholders(ids.size()) + ")", ids.toArray());
  }

  /** Records a failed attempt: the row becomes due again at {@code availableAt}. */
  public void reschedule(String owner, long id, int attempts, Instant availableAt, String error)
      throws SQLException {
    update(
        "update "
            + table
            + " set attempts = ?, available_at = ?, lease_until = null,"
            + " claimed_by = null, last_error = ? where id = ? and claimed_by = ?",
        attempts,
        availableAt,
        truncate(error),
        id,
        owner);
  }

  /** Parks a row as dead with its last error; it is no longer sent until re-driven. */
  public void park(String owner, long id, int attempts, String error) throws SQLException {
    update(
        "update "
            + table
            + " set status = '"
            + DEAD
            + "', attempts = ?, lease_until = null, claimed_by = null, last_error = ?"
            + " where id = ? and claimed_by = ?",
        attempts,
        truncate(error),
        id,
        owner);
  }

  /** Gives back the leases of rows claimed by {@code owner} and not finished. */
  public int release(String owner) throws SQLException {
    return update(
        "update "
            + table
            + " set lease_until = null, claimed_by = null where claimed_by = ?"
            + " and status = '"
            + PENDING
            + "'",
        owner);
  }

  /** Returns when the next pending row scheduled after {@code now} becomes due, or null. */
  public Instant nextDue(Instant now) throws SQLException {
    return inTransaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "select min(available_at) from "
                      + table
                      + " where status = '"
                      + PENDING
                      + "' and available_at > ?")) {
            query.setObject(1, time(now));
            try (ResultSet rs = query.executeQuery()) {
              rs.next();
              OffsetDateTime due = rs.getObject(1, OffsetDateTime.class);
              return due == null ? null : due.toInstant();
            }
          }
        });
  }

  /** Returns the number of pending rows and the creation time of the oldest (null if none). */
  public PendingSummary pending() throws SQLException {
    return inTransaction(
        connection -> {
          long pending;
          Instant oldest;
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "select count(*), min(created_at) from "
                          + table
                          + " where status = '"
                          + PENDING
                          + "'");
              ResultSet rs = query.executeQuery()) {
            rs.next();
            pending = rs.getLong(1);
            OffsetDateTime min = rs.getObject(2, OffsetDateTime.class);
            oldest = min == null ? null : min.toInstant();
          }
          long dead;
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "select count(*) from " + table + " where status = '" + DEAD + "'");
              ResultSet rs = query.executeQuery()) {
            rs.next();
            dead = rs.getLong(1);
          }
          return new PendingSummary(pending, oldest, dead);
        });
  }

  /** Returns up to {@code limit} dead rows, oldest first. */
  public List<DeadRow> deadRows(int limit) throws SQLException {
    return inTransaction(
        connection -> {
          List<DeadRow> rows = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "select id, foreign_id, operation, attempts, last_error, created_at, payload"
                      + " from "
                      + table
                      + " where status = '"
                      + DEAD
                      + "' order by id limit ?")) {
            query.setInt(1, limit);
            try (ResultSet rs = query.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new DeadRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getString(7)));
              }
            }
          }
          return Collections.unmodifiableList(rows);
        });
  }

  /** Makes dead rows pending again with a fresh attempt count; null id re-drives all. */
  public int redrive(Long id, Instant now) throws SQLException {
    String sql =
        "update "
            + table
            + " set status = '"
            + PENDING
            + "', attempts = 0, available_at = ?, lease_until = null,"
            + " claimed_by = null where status = '"
            + DEAD
            + "'";
    return id == null ? update(sql, now) : update(sql + " and id = ?", now, id);
  }

  /**
   * Runs {@code work} in a short transaction of its own, at READ COMMITTED where the database needs
   * it. The connection's settings are restored afterwards; a failure doing so never hides the
   * work's own error (it is added to it as suppressed) and never turns committed work into a
   * failure (the connection is then discarded).
   */
  public <T> T inTransaction(SqlWork<T> work) throws SQLException {
    Connection connection = connections.obtain();
    Boolean autoCommit = null;
    Integer isolation = null;
    try {
      if (database.readCommittedClaims()) {
        int current = connection.getTransactionIsolation();
        if (current != Connection.TRANSACTION_READ_COMMITTED) {
          connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
          isolation = current;
        }
      }
      if (connection.getAutoCommit()) {
        connection.setAutoCommit(false);
        autoCommit = true;
      }
      T result = work.run(connection);
      connection.commit();
      restore(connection, autoCommit, isolation, null);
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      restore(connection, autoCommit, isolation, e);
      throw e;
    }
  }

  /**
   * Puts back the connection's settings and releases it; a connection that cannot be reset, or that
   * failed and no longer answers, is closed first so the pool does not hand it out again. Problems
   * are added to {@code failure} as suppressed, or logged when the work succeeded.
   */
  private void restore(
      Connection connection, Boolean autoCommit, Integer isolation, Exception failure) {
    List<SQLException> problems = new ArrayList<>();
    try {
      if (autoCommit != null) {
        connection.setAutoCommit(autoCommit);
      }
      if (isolation != null) {
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      problems.add(e);
    }
    if (!problems.isEmpty() || (failure != null && !answers(connection))) {
      try {
        connection.close();
      } catch (SQLException e) {
        problems.add(e);
      }
    }
    try {
      connections.release(connection);
    } catch (SQLException e) {
      problems.add(e);
    }
    for (SQLException problem : problems) {
      if (failure != null) {
        failure.addSuppressed(problem);
      } else {
        log.debug(
            "outbox table {}: transaction committed, but its connection could not be reset or"
                + " released; it is discarded",
            table,
            problem);
      }
    }
  }

  private static boolean answers(Connection connection) {
    try {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private int update(String sql, Object... parameters) throws SQLException {
    return retryingLockConflicts(connection -> executeUpdate(connection, sql, parameters));
  }

  /**
   * Runs {@code work} in a transaction of its own, again (after a few milliseconds) when the
   * database rolled it back as a deadlock victim or because a lock wait timed out.
   */
  private <T> T retryingLockConflicts(SqlWork<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction(work);
      } catch (SQLException e) {
        if (!SqlErrors.isLockConflict(e) || attempt == LOCK_CONFLICT_ATTEMPTS) {
          throw e;
        }
        log.debug(
            "outbox table {}: lock conflict ({}), attempt {} of {}; running the transaction again",
            table,
            SqlErrors.describe(e),
            attempt,
            LOCK_CONFLICT_ATTEMPTS);
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  // Typed setters rather than setObject: drivers differ on untyped nulls and Instants.
  private static int executeUpdate(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object value = parameters[i];
        int index = i + 1;
        if (value instanceof Integer n) {
          statement.setInt(index, n);
        } else if (value instanceof Long n) {
          statement.setLong(index, n);
        } else if (value instanceof Instant t) {
          statement.setObject(index, time(t));
        } else if (value instanceof String text) {
          statement.setString(index, text);
        } else if (value == null) {
          statement.setNull(index, Types.VARCHAR);
        } else {
          throw new IllegalArgumentException(
              "outbox parameter type " + value.getClass().getName() + " is not supported");
        }
      }
      return statement.executeUpdate();
    }
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    if (error == null || error.length() <= MAX_ERROR_LENGTH) {
      return error;
    }
    return error.substring(0, MAX_ERROR_LENGTH);
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** Work on a connection inside a transaction. */
  @FunctionalInterface
  interface SqlWork<T> {
    /** Runs the work. */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Counts of the outbox table.
   *
   * @param pending rows waiting to be sent
   * @param oldestPending creation time of the oldest pending row, or null
   * @param dead rows parked as dead
   */
  record PendingSummary(long pending, Instant oldestPending, long dead) {}
}
