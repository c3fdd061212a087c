package io.github.streamjpa.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.core.internal.RetryInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;

/** Turns an error response into the typed exception of stream-api.md §3.2. */
final class ApiErrors {
  private ApiErrors() {}

  static StreamApiException from(int status, Headers headers, JsonNode body, Instant now) {
    int code = 0;
    String name = null;
    String detail = null;
    Map<String, List<String>> fields = Map.of();
    if (body != null && body.isObject()) {
      code = body.path("code").asInt(0);
      name = text(body.get("exception"));
      detail = text(body.get("detail"));
      fields = fields(body.get("exception_fields"));
    }
    if (detail == null && name == null) {
      detail = "HTTP " + status + " without a Stream error body";
    }
    Duration retryAfter = RetryInterceptor.serverDelay(headers, status == 429 || code == 9, now);
    return type(status, code)
        .create(status, code, name, detail, fields, rateLimit(headers), retryAfter);
  }

  /** The constructor every {@link StreamApiException} type shares. */
  @FunctionalInterface
  private interface Type {
    StreamApiException create(
        int status,
        int code,
        String name,
        String detail,
        Map<String, List<String>> fields,
        RateLimit rateLimit,
        Duration retryAfter);
  }

  private static Type type(int status, int code) {
    return switch (code) {
      case 2, 3 -> AuthenticationException::new;
      case 4 -> InputException::new;
      case 5 -> CustomFieldException::new;
      case 6 -> FeedConfigException::new;
      case 7 -> SiteSuspendedException::new;
      case 8 -> InvalidPaginationException::new;
      case 9 -> RateLimitException::new;
      case 10, 11, 12 -> RankingException::new;
      case 16 -> DoesNotExistException::new;
      case 17 -> NotAllowedException::new;
      case 22 -> ConflictException::new;
      default -> byStatus(status);
    };
  }

  /** Bodies without a known code (a proxy's 429, an empty 401) are typed by their status. */
  private static Type byStatus(int status) {
    return switch (status) {
      case 401 -> AuthenticationException::new;
      case 403 -> NotAllowedException::new;
      case 404 -> DoesNotExistException::new;
      case 409 -> ConflictException::new;
      case 429 -> RateLimitException::new;
      default -> StreamApiException::new;
    };
  }

  static RateLimit rateLimit(Headers headers) {
    Integer limit = integer(headers.get("X-Ratelimit-Limit"));
    Integer remaining = integer(headers.get("X-Ratelimit-Remaining"));
    Integer reset = integer(headers.get("X-Ratelimit-Reset"));
    if (limit == null && remaining == null && reset == null) {
      return null;
    }
    return new RateLimit(limit, remaining, reset == null ? null : Instant.ofEpochSecond(reset));
  }

  private static Integer integer(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull()
        ? null
        : node.isTextual() ? node.asText() : node.toString();
  }

  /** exception_fields is a map of field to messages, or (for batches) a list of such maps. */
  private static Map<String, List<String>> fields(JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (node.isObject()) {
      addFields(out, "", node);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        addFields(out, i + ".", node.get(i));
      }
    }
    return out;
  }

  private static void addFields(Map<String, List<String>> out, String prefix, JsonNode map) {
    map.fields()
        .forEachRemaining(
            e -> {
              List<String> messages = new ArrayList<>();
              if (e.getValue().isArray()) {
                e.getValue().forEach(m -> messages.add(text(m)));
              } else {
                messages.add(text(e.getValue()));
              }
              out.put(prefix + e.getKey(), messages);
            });
  }
}
