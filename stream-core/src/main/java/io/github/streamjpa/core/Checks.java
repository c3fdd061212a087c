package io.github.streamjpa.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Argument checks shared by the public types; messages name the value and the rule. */
final class Checks {
  // ASCII only, as the service and the emulator check; Python 3's Unicode-aware \w, which the
  // official Python client uses, lets through ids such as 'ü' that the service then refuses.
  private static final Pattern WORD = Pattern.compile("^[A-Za-z0-9_-]+$");

  /** How deep a custom value may nest maps and lists; far below any stack or parser limit. */
  static final int MAX_NESTING = 100;

  private Checks() {}

  static <T> T notNull(T value, String what) {
    return Objects.requireNonNull(value, () -> what + " must not be null");
  }

  /** A feed slug or user id: ASCII letters, digits, underscore and hyphen. */
  static String word(String value, String what) {
    notNull(value, what);
    if (!WORD.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' must match [A-Za-z0-9_-]+");
    }
    return value;
  }

  static String notBlank(String value, String what) {
    notNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String what) {
    notNull(values, what);
    List<T> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      copy.add(notNull(values.get(i), what + "[" + i + "]"));
    }
    return Collections.unmodifiableList(copy);
  }

  static <T> List<T> nonEmptyList(List<T> values, String what) {
    List<T> copy = list(values, what);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return copy;
  }

  /** Copies a map keeping order; values may be null (they are sent as JSON null). */
  static Map<String, Object> map(Map<String, ?> values, String what) {
    notNull(values, what);
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          notBlank(k, what + " key");
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }

  /** A list Stream takes at most {@code max} of in one request. */
  static <T> List<T> atMost(List<T> values, int max, String what, String rule) {
    if (values.size() > max) {
      throw new IllegalArgumentException(
          what + " has " + values.size() + " entries; " + rule + " at most " + max + " at once");
    }
    return values;
  }

  /**
   * Checks a custom value before Jackson sees it: maps, lists and arrays must not contain
   * themselves or nest deeper than {@link #MAX_NESTING}, and times must fit Stream's format.
   */
  static void customValue(Object value, String what) {
    customValue(value, what, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
  }

  private static void customValue(Object value, String what, Set<Object> path, int depth) {
    if (value instanceof Instant time) {
      try {
        StreamTimes.checkRange(time);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
      }
      return;
    }
    Iterable<?> children;
    if (value instanceof Map<?, ?> map) {
      children = map.values();
    } else if (value instanceof Iterable<?> iterable && !(value instanceof Path)) {
      children = iterable;
    } else if (value instanceof Object[] array) {
      children = Arrays.asList(array);
    } else {
      return;
    }
    if (depth >= MAX_NESTING) {
      throw new IllegalArgumentException(
          what + " nests more than " + MAX_NESTING + " maps or lists deep");
    }
    if (!path.add(value)) {
      throw new IllegalArgumentException(what + " holds a map or list that contains itself");
    }
    for (Object child : children) {
      customValue(child, what, path, depth + 1);
    }
    path.remove(value);
  }

  static int range(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what + " " + value + " must be between " + min + " and " + max);
    }
    return value;
  }

  static int atLeast(int value, int min, String what) {
    if (value < min) {
      throw new IllegalArgumentException(what + " " + value + " must be at least " + min);
    }
    return value;
  }

  static String noComma(String value, String what) {
    notBlank(value, what);
    if (value.indexOf(',') >= 0) {
      throw new IllegalArgumentException(
          what + " '" + value + "' must not contain ',' (values are comma-joined in the query)");
    }
    return value;
  }
}
