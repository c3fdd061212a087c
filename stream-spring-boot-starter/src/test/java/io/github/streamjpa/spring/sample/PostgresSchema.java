package io.github.streamjpa.spring.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL schema the starter's tests use on the server named by {@code
 * STREAM_TEST_JDBC_URL}; recreated empty for each run.
 */
final class PostgresSchema {

  static final String URL_VARIABLE = "STREAM_TEST_JDBC_URL";
  private static final String SCHEMA = "stream_spring_boot_starter";

  private PostgresSchema() {}

  /** Drops and creates the schema, and returns a JDBC URL whose connections use it. */
  static String recreate() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          URL_VARIABLE
              + " is not set: the PostgreSQL tests of stream-spring-boot-starter need a server,"
              + " e.g. "
              + URL_VARIABLE
              + "='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'");
    }
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + SCHEMA + " cascade");
      statement.execute("create schema " + SCHEMA);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot prepare schema " + SCHEMA + " on " + URL_VARIABLE + ": " + e.getMessage(), e);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
  }
}
