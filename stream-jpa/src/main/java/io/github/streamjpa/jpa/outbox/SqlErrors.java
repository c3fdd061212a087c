package io.github.streamjpa.jpa.outbox;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/** Reads JDBC errors: lock conflicts, and descriptions that quote nothing of the data. */
final class SqlErrors {

  /** MySQL/MariaDB: deadlock found when trying to get lock. */
  private static final int MYSQL_DEADLOCK = 1213;

  /** MySQL/MariaDB: lock wait timeout exceeded. */
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

  private SqlErrors() {}

  /**
   * Returns whether the database rolled the statement or transaction back because of a lock
   * conflict (a deadlock, a serialization failure or a lock wait timeout), so running it again may
   * succeed.
   */
  static boolean isLockConflict(SQLException e) {
    for (SQLException s : chain(e)) {
      String state = s.getSQLState();
      if ("40001".equals(state)
          || "40P01".equals(state)
          || "HYT00".equals(state) && s.getErrorCode() == 50200 // H2 lock timeout
          || s.getErrorCode() == MYSQL_DEADLOCK
          || s.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT) {
        return true;
      }
    }
    return false;
  }

  /**
   * Describes an error by its class, SQLState and vendor code and what its SQLState class means,
   * without its message: e.g. {@code PSQLException, SQLState 42P01 (syntax error or unknown
   * table/column), error code 0}.
   */
  static String describe(SQLException e) {
    String state = e.getSQLState();
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
    text.append(", SQLState ").append(state);
    String meaning = meaning(state);
    if (meaning != null) {
      text.append(" (").append(meaning).append(')');
    }
    return text.append(", error code ").append(e.getErrorCode()).toString();
  }

  /**
   * Returns a copy of {@code e} and its SQLException causes that keeps their classes' names,
   * SQLStates, vendor codes and stack traces but none of their messages, which may quote the values
   * of the statement. Causes that are not SQLExceptions (a socket's IOException) are kept.
   */
  static SQLException withoutMessages(SQLException e) {
    return copy(e, new IdentityHashMap<>());
  }

  private static SQLException copy(SQLException e, Map<Throwable, Boolean> seen) {
    seen.put(e, Boolean.TRUE);
    SQLException copy =
        new SQLException(
            e.getClass().getName() + " (message left out)", e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
    if (cause != null && !seen.containsKey(cause)) {
      copy.initCause(cause instanceof SQLException sql ? copy(sql, seen) : cause);
    }
    return copy;
  }

  private static Iterable<SQLException> chain(SQLException e) {
    java.util.List<SQLException> all = new java.util.ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable current = e;
    while (current instanceof SQLException s && !seen.containsKey(s)) {
      seen.put(s, Boolean.TRUE);
      all.add(s);
      current = s.getCause() != null ? s.getCause() : s.getNextException();
    }
    return all;
  }

  private static String meaning(String state) {
    if (state == null || state.length() < 2) {
      return null;
    }
    return switch (state.substring(0, 2)) {
      case "08" -> "connection failure";
      case "22" -> "data exception";
      case "23" -> "integrity constraint violation";
      case "40" -> "transaction rolled back: deadlock or serialization failure";
      case "42" -> "syntax error or unknown table/column";
      case "53" -> "insufficient resources";
      case "57" -> "operator intervention";
      default -> null;
    };
  }
}
