package io.github.streamjpa.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Wraps a DataSource so that, when asked, the next outbox claim query (the one statement that locks
 * with {@code skip locked}) is also run under {@code EXPLAIN} with the same parameters. It
 * recognises the statement by that clause only, so it keeps working when the claim's text changes.
 */
final class ClaimPlans {
  private final DataSource target;
  private volatile boolean wanted;
  private volatile List<String> plan;
  private volatile long claimMillis;
  private volatile String claimSql;
  private final List<Object[]> claimParameters = new ArrayList<>();

  ClaimPlans(DataSource target) {
    this.target = target;
  }

  /** Captures the plan of the next claim; {@link #plan()} returns it once it ran. */
  void captureNext() {
    plan = null;
    wanted = true;
  }

  List<String> plan() {
    return plan;
  }

  /** How long the captured claim ran, or -1 when it failed (e.g. was cancelled). */
  long claimMillis() {
    return claimMillis;
  }

  /**
   * The plan the claim captured last would get now, with the same parameters: for showing what the
   * planner makes of the table before and after its statistics are refreshed.
   */
  List<String> explainAgain() throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = target.getConnection();
        PreparedStatement explain = c.prepareStatement("explain " + claimSql)) {
      synchronized (claimParameters) {
        for (Object[] call : claimParameters) {
          invoke(explain, (Method) call[0], (Object[]) call[1]);
        }
      }
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw e;
    } catch (Throwable e) {
      throw new SQLException(e);
    }
    return lines;
  }

  DataSource dataSource() {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(target, method, args);
              return result instanceof Connection c ? connection(c) : result;
            });
  }

  private Connection connection(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (wanted
                  && method.getName().equals("prepareStatement")
                  && args[0] instanceof String sql
                  && sql.toLowerCase(Locale.ROOT).contains("skip locked")) {
                wanted = false;
                claimSql = sql;
                synchronized (claimParameters) {
                  claimParameters.clear();
                }
                PreparedStatement real = (PreparedStatement) invoke(c, method, args);
                return explaining(real, c.prepareStatement("explain " + sql));
              }
              return invoke(c, method, args);
            });
  }

  private PreparedStatement explaining(PreparedStatement real, PreparedStatement explain) {
    InvocationHandler h =
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.startsWith("set") && args != null && args.length == 2) {
            invoke(explain, method, args);
            synchronized (claimParameters) {
              claimParameters.add(new Object[] {method, args});
            }
          } else if (name.equals("executeQuery") && (args == null || args.length == 0)) {
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = explain.executeQuery()) {
              while (rs.next()) {
                lines.add(rs.getString(1));
              }
            }
            plan = lines;
            long start = System.nanoTime();
            claimMillis = -1;
            Object result = invoke(real, method, args);
            claimMillis = (System.nanoTime() - start) / 1_000_000;
            return result;
          } else if (name.equals("close")) {
            explain.close();
          }
          return invoke(real, method, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
