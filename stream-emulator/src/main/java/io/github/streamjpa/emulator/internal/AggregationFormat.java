package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed aggregation format: the Jinja-like template ({@code {{ verb }}_{{
 * time.strftime("%Y-%m-%d") }}}) that gives each activity of an aggregated feed its group key.
 *
 * <p>Variables: {@code verb} (and {@code verb.id}), {@code actor}, {@code object}, {@code target},
 * {@code foreign_id}, {@code id}, {@code time} (with {@code .strftime("...")}), {@code feed.group},
 * {@code feed.user_id} and any custom field, with dotted access into objects. A missing value
 * renders as an empty string.
 */
public final class AggregationFormat {
  private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern STRFTIME =
      Pattern.compile("time\\.strftime\\(\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*\\)");
  private static final Pattern PATH = Pattern.compile("[A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)*");

  private final List<Part> parts;

  private AggregationFormat(List<Part> parts) {
    this.parts = parts;
  }

  /**
   * Parses a format.
   *
   * @param format the template text
   * @return the parsed format
   * @throws IllegalArgumentException naming the part that cannot be understood
   */
  public static AggregationFormat parse(String format) {
    List<Part> parts = new ArrayList<>();
    Matcher m = EXPRESSION.matcher(format);
    int at = 0;
    while (m.find()) {
      addLiteral(parts, format.substring(at, m.start()), format);
      String expression = m.group(1).trim();
      Matcher strftime = STRFTIME.matcher(expression);
      if (strftime.matches()) {
        String pattern = strftime.group(1) != null ? strftime.group(1) : strftime.group(2);
        Strftime.validate(pattern, format);
        parts.add(new Part(null, null, pattern));
      } else if (PATH.matcher(expression).matches()) {
        parts.add(new Part(null, expression.split("\\."), null));
      } else {
        throw new IllegalArgumentException(
            "aggregation format '"
                + format
                + "' has the expression '{{ "
                + expression
                + " }}'; supported are a variable path (verb, actor, feed.group, a custom field)"
                + " or time.strftime(\"...\")");
      }
      at = m.end();
    }
    addLiteral(parts, format.substring(at), format);
    return new AggregationFormat(List.copyOf(parts));
  }

  private static void addLiteral(List<Part> parts, String literal, String format) {
    if (literal.contains("{{") || literal.contains("}}")) {
      throw new IllegalArgumentException(
          "aggregation format '" + format + "' has an unbalanced '{{' or '}}'");
    }
    if (!literal.isEmpty()) {
      parts.add(new Part(literal, null, null));
    }
  }

  /**
   * Renders the group key of one activity.
   *
   * @param activity the activity's stored fields
   * @param timeMicros the activity time
   * @param feedSlug the group of the feed the activity came from
   * @param feedUserId the user id of the feed the activity came from
   * @return the group key
   */
  String render(JsonNode activity, long timeMicros, String feedSlug, String feedUserId) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part.literal != null) {
        out.append(part.literal);
      } else if (part.strftime != null) {
        LocalDateTime time = LocalDateTime.ofInstant(Times.toInstant(timeMicros), ZoneOffset.UTC);
        out.append(Strftime.format(part.strftime, time));
      } else {
        out.append(lookup(part.path, activity, timeMicros, feedSlug, feedUserId));
      }
    }
    return out.toString();
  }

  private static String lookup(
      String[] path, JsonNode activity, long timeMicros, String feedSlug, String feedUserId) {
    String head = path[0];
    if (head.equals("feed") && path.length == 2) {
      return switch (path[1]) {
        case "group", "slug" -> feedSlug;
        case "user_id" -> feedUserId;
        default -> "";
      };
    }
    if (head.equals("time") && path.length == 1) {
      return Times.format(timeMicros);
    }
    if (head.equals("verb") && path.length == 2 && path[1].equals("id")) {
      return text(activity.get("verb"));
    }
    JsonNode node = activity;
    for (String key : path) {
      node = node == null ? null : node.get(key);
    }
    return text(node);
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private record Part(String literal, String[] path, String strftime) {}
}
