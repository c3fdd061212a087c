package io.github.streamjpa.jpa.outbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads typed values from a Hibernate settings map, failing with the setting's name. */
final class Settings {

  private final Map<String, Object> values;

  /** Wraps the settings map. */
  public Settings(Map<String, Object> values) {
    this.values = values;
  }

  /** Returns the raw value or null. */
  public Object raw(String name) {
    return values.get(name);
  }

  /** Returns a string setting, or the default when absent or blank. */
  public String string(String name, String defaultValue) {
    Object value = values.get(name);
    if (value == null || value.toString().isBlank()) {
      return defaultValue;
    }
    return value.toString().trim();
  }

  /** Returns a boolean setting ({@code true}/{@code false}). */
  public boolean bool(String name, boolean defaultValue) {
    Object value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException(
        "setting " + name + " = '" + text + "' must be true or false");
  }

  /** Returns an integer setting. */
  public int integer(String name, int defaultValue) {
    Object value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "setting " + name + " = '" + value + "' must be an integer", e);
    }
  }

  /** Returns a duration: a Duration, ISO-8601 text ({@code PT2S}) or milliseconds. */
  public Duration duration(String name, Duration defaultValue) {
    Object value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Duration d) {
      return d;
    }
    if (value instanceof Number n) {
      return Duration.ofMillis(n.longValue());
    }
    String text = value.toString().trim();
    try {
      return text.matches("\\d+") ? Duration.ofMillis(Long.parseLong(text)) : Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "setting "
              + name
              + " = '"
              + text
              + "' must be an ISO-8601 duration (e.g. PT2S) or milliseconds",
          e);
    }
  }
}
