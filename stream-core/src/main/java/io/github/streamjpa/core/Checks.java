package io.github.streamjpa.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the public types; messages name the value and the rule. */
final class Checks {
  // Python 3's \w is Unicode-aware; the official Python client validates with that pattern.
  private static final Pattern WORD = Pattern.compile("^[\\w-]+$", Pattern.UNICODE_CHARACTER_CLASS);

  private Checks() {}

  static <T> T notNull(T value, String what) {
    return Objects.requireNonNull(value, () -> what + " must not be null");
  }

  /** A feed slug or user id: letters, digits, underscore and hyphen ({@code [\w-]+}). */
  static String word(String value, String what) {
    notNull(value, what);
    if (!WORD.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' must match [\\w-]+");
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
